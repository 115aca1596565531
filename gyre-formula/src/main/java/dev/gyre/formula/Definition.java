package dev.gyre.formula;

import java.util.Objects;

/**
 * One feature of a {@link Program}: its name and the expression that computes it, as in the spec
 * line {@code temp_scaled = (temp - 20) / 10}.
 *
 * @param name       the feature name, an identifier such as {@code temp_scaled}; never null
 * @param expression the expression text, such as {@code (temp - 20) / 10}; never null
 */
public record Definition(String name, String expression) {
  public Definition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }
}
