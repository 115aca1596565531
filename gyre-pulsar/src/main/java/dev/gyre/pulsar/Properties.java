package dev.gyre.pulsar;

/** Message property names Gyre sets. */
public final class Properties {
  private Properties() {}

  /** Epoch millis at which the event entered the pipeline (the source message's publish time). */
  public static final String INGEST_MILLIS = "gyre.ingest-ms";
  /**
   * The event's id, stable across stages and redeliveries: the id of the message that brought the
   * event into the pipeline (its source topic's message id, as text). Set by the first stage; sinks
   * upsert by it, so a redelivered event never writes a second row.
   */
  public static final String EVENT_ID = "gyre.event-id";
  /** On dead letters: the stage that rejected the event. */
  public static final String STAGE = "gyre.stage";
  /** On a sink's dead letters: the sink that could not write the event. */
  public static final String SINK = "gyre.sink";
  /** On dead letters: the stable reason code, such as {@code malformed-json}. */
  public static final String REASON = "gyre.reason";
  /** On dead letters: the human-readable explanation. */
  public static final String DETAIL = "gyre.detail";
  /** On dead letters: the topic the event was read from. */
  public static final String SOURCE_TOPIC = "gyre.source-topic";
  /** On dead letters: the id of the rejected message on its source topic. */
  public static final String SOURCE_MESSAGE_ID = "gyre.source-message-id";
}
