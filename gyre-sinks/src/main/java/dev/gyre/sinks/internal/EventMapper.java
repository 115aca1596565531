package dev.gyre.sinks.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.SinkInput;
import dev.gyre.pulsar.Properties;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a message of a sink's input as a {@link SinkEvent}. A stage's output or the source holds
 * JSON objects; a dead-letter topic holds the rejected payloads as they were, which become the
 * event {@link SinkInput#DEAD_LETTER_FIELDS}. Thread-safe.
 */
public final class EventMapper {
  /** Pulsar's own limit on a message; a sink takes anything a topic can hold. */
  private static final int MAX_BYTES = 5 * 1024 * 1024 + 1024;

  private final boolean deadLetters;
  private final EventCodec codec = new EventCodec(MAX_BYTES);

  public EventMapper(SinkInput input) {
    this.deadLetters = input.deadLetters();
  }

  /**
   * The event in a message.
   *
   * @param value      the message's payload
   * @param properties the message's properties
   * @param messageId  the message's id on the input topic, the event id when the message has none
   * @throws dev.gyre.core.event.Rejection when the payload is not a JSON object (never for dead letters)
   */
  public SinkEvent map(byte[] value, Map<String, String> properties, String messageId) {
    String eventId = properties.getOrDefault(Properties.EVENT_ID, messageId);
    if (!deadLetters) {
      return new SinkEvent(eventId, codec.decode(value), value);
    }
    ObjectNode view = EventCodec.mapper().createObjectNode();
    view.put("payload", new String(value, StandardCharsets.UTF_8));
    view.put("stage", properties.get(Properties.STAGE));
    view.put("reason", properties.get(Properties.REASON));
    view.put("detail", properties.get(Properties.DETAIL));
    view.put("source_topic", properties.get(Properties.SOURCE_TOPIC));
    return new SinkEvent(eventId, view, codec.encode(view));
  }
}
