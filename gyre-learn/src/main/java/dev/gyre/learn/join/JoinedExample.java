package dev.gyre.learn.join;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A prediction joined to its outcome: a labelled example for evaluation and for online learning.
 *
 * @param prediction the prediction as it was made
 * @param label      the true class (or value as text)
 * @param observedAt when the outcome happened (event time)
 */
public record JoinedExample(PendingPrediction prediction, String label, Instant observedAt) {
  public JoinedExample {
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(observedAt, "observedAt");
  }

  /** Whether the predicted class was the true one. */
  public boolean correct() {
    return prediction.predictedLabel().equals(label);
  }

  /** How long the outcome took after the prediction; negative if the clocks disagree. */
  public Duration delay() {
    return Duration.between(prediction.predictedAt(), observedAt);
  }
}
