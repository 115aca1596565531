package dev.gyre.api;

import java.util.Objects;

/**
 * The result of scoring one row.
 *
 * @param label       the predicted class (for regression, the value as text)
 * @param probability the model's probability for {@code label}, in [0, 1] (for regression, the
 *                    predicted value itself)
 * @param version     the version that produced this prediction when it is not the model's own
 *                    {@link Model#version()}, such as {@value #FALLBACK} for a fallback a remote
 *                    model returned because its server could not answer; {@code null} otherwise
 */
public record Prediction(String label, double probability, String version) {
  /** The {@link #version()} of a prediction that no model made: a configured fallback. */
  public static final String FALLBACK = "fallback";

  public Prediction {
    Objects.requireNonNull(label, "label");
  }

  /** A prediction made by the model's own version. */
  public Prediction(String label, double probability) {
    this(label, probability, null);
  }

  /** Whether this is a configured fallback rather than a model's answer. */
  public boolean isFallback() {
    return FALLBACK.equals(version);
  }
}
