package dev.gyre.sinks.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One event as a sink writes it.
 *
 * @param eventId the event's id: its {@code gyre.event-id} property, or its message id on the input
 *                topic when it has none
 * @param event   the event's fields (for a dead letter: payload, stage, reason, detail, source_topic)
 * @param body    the bytes a webhook posts: the message's JSON as it is, or the dead letter's view
 */
public record SinkEvent(String eventId, ObjectNode event, byte[] body) {
  public SinkEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(body, "body");
  }
}
