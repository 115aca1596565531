package dev.gyre.learn.join;

import java.time.Instant;
import java.util.Objects;

/**
 * An outcome from the feedback topic: what really happened to an event.
 *
 * @param eventId    the id of the event whose prediction this outcome resolves
 * @param label      the true class, or the true value as text for regression
 * @param observedAt the event time of the outcome
 */
public record Feedback(String eventId, String label, Instant observedAt) {
  public Feedback {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(observedAt, "observedAt");
  }
}
