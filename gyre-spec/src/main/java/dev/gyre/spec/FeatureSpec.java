package dev.gyre.spec;

import java.util.Objects;

/**
 * One computed feature, written in YAML as {@code name = expression}.
 *
 * @param name       the feature's name, as later formulas and model inputs refer to it
 * @param expression the formula text, trimmed; compiled and checked by the formula module, not here
 */
public record FeatureSpec(String name, String expression) {
  public FeatureSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
    if (name.isBlank() || expression.isBlank()) {
      throw new IllegalArgumentException("a feature needs a name and an expression: " + name + " = " + expression);
    }
  }

  /** The feature as written in YAML: {@code name = expression}. */
  @Override
  public String toString() {
    return name + " = " + expression;
  }
}
