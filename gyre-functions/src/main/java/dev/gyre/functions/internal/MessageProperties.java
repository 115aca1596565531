package dev.gyre.functions.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The message properties Gyre sets, as Gyre's own stage host sets them. A copy of the names in
 * {@code dev.gyre.pulsar.Properties}: depending on gyre-pulsar for six strings would pull the
 * Pulsar client and admin into the function's dependencies, which the Functions runtime already
 * provides. A test checks the copy against the original.
 */
public final class MessageProperties {
  private MessageProperties() {}

  public static final String INGEST_MILLIS = "gyre.ingest-ms";
  public static final String EVENT_ID = "gyre.event-id";
  public static final String STAGE = "gyre.stage";
  public static final String REASON = "gyre.reason";
  public static final String DETAIL = "gyre.detail";
  public static final String SOURCE_TOPIC = "gyre.source-topic";
  public static final String SOURCE_MESSAGE_ID = "gyre.source-message-id";

  /**
   * The properties of an output: the input's, plus {@link #INGEST_MILLIS} (the source message's
   * publish time) and {@link #EVENT_ID} (its message id) when the input does not carry them yet.
   *
   * @param publishTime the input's publish time in epoch millis, or 0 when unknown
   * @param messageId   the input's message id as text, or {@code null} when unknown
   */
  public static Map<String, String> forOutput(Map<String, String> input, long publishTime, String messageId) {
    Map<String, String> out = new HashMap<>(input);
    if (publishTime > 0) {
      out.putIfAbsent(INGEST_MILLIS, Long.toString(publishTime));
    }
    if (messageId != null) {
      out.putIfAbsent(EVENT_ID, messageId);
    }
    return out;
  }

  /** The properties of a dead letter: those of {@link #forOutput} plus why and where from. */
  public static Map<String, String> forDeadLetter(Map<String, String> input, long publishTime, String stage,
      String reason, String detail, String sourceTopic, String sourceMessageId) {
    Map<String, String> out = forOutput(input, publishTime, sourceMessageId);
    out.put(STAGE, stage);
    out.put(REASON, reason);
    out.put(DETAIL, detail);
    if (sourceTopic != null) {
      out.put(SOURCE_TOPIC, sourceTopic);
    }
    if (sourceMessageId != null) {
      out.put(SOURCE_MESSAGE_ID, sourceMessageId);
    }
    return out;
  }
}
