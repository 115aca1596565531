package dev.gyre.api;

import java.util.Objects;

/**
 * The result of scoring one row.
 *
 * @param label       the predicted class (for regression, the value as text)
 * @param probability the model's probability for {@code label}, in [0, 1] (for regression, the
 *                    predicted value itself)
 */
public record Prediction(String label, double probability) {
  public Prediction {
    Objects.requireNonNull(label, "label");
  }
}
