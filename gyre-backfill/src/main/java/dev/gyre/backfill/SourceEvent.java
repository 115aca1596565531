package dev.gyre.backfill;

import java.util.Objects;

/**
 * One event of a source, in source order.
 *
 * @param id              the event's id: a topic message's id as the stage host writes it in
 *                        {@code gyre.event-id}, or a file's line number
 * @param key             the record key, or {@code null} (the stages then derive it from the spec's key field)
 * @param value           the payload, as produced
 * @param position        the input position the stage host would use (it grows along the source), or
 *                        {@link dev.gyre.core.window.KeyState#NO_POSITION}
 * @param eventTimeMillis the message's event time, else its publish time, in epoch ms; -1 when unknown
 */
public record SourceEvent(String id, String key, byte[] value, long position, long eventTimeMillis) {
  public SourceEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(value, "value");
  }
}
