package dev.gyre.learn.join;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A prediction waiting for its outcome: what the model saw and said, as the score stage emitted it.
 *
 * @param eventId        the id outcomes refer to (the event's key or id), not {@code null}
 * @param model          the model's name
 * @param version        the model version that scored the event
 * @param features       the feature row the model scored (copied; never mutated afterwards)
 * @param predictedLabel the predicted class, or the predicted value as text for regression
 * @param score          the probability of {@code predictedLabel}, or the predicted value for regression
 * @param predictedAt    the event time of the prediction; the horizon counts from here
 */
public record PendingPrediction(
    String eventId, String model, String version, float[] features, String predictedLabel, double score,
    Instant predictedAt) {
  public PendingPrediction {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(predictedLabel, "predictedLabel");
    Objects.requireNonNull(predictedAt, "predictedAt");
    features = features.clone();
  }

  /** A copy of the feature row. */
  @Override
  public float[] features() {
    return features.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PendingPrediction p && eventId.equals(p.eventId) && model.equals(p.model)
        && version.equals(p.version) && Arrays.equals(features, p.features)
        && predictedLabel.equals(p.predictedLabel) && Double.compare(score, p.score) == 0
        && predictedAt.equals(p.predictedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, model, version, Arrays.hashCode(features), predictedLabel, score, predictedAt);
  }

  @Override
  public String toString() {
    return "PendingPrediction[" + eventId + ", " + model + "@" + version + ", " + Arrays.toString(features)
        + " -> " + predictedLabel + " (" + score + ") at " + predictedAt + "]";
  }
}
