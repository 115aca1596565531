package dev.gyre.spec.internal;

import dev.gyre.spec.FeatureSpec;

/**
 * Splits a feature line {@code name = expression} at its first {@code =} that is not part of
 * {@code ==}, {@code <=}, {@code >=} or {@code !=}. Only the split is checked here: the expression
 * is compiled, and its content checked, by the formula module.
 */
public final class FeatureLines {
  private FeatureLines() {}

  /**
   * The feature the line declares.
   *
   * @throws IllegalArgumentException with a reason that follows "but it", when the line has no
   *     such {@code =}, or nothing before or after it, or a name that is not an identifier
   */
  public static FeatureSpec split(String line) {
    int at = assignment(line);
    if (at < 0) {
      throw new IllegalArgumentException("has no '='; write each feature as 'name = expression', "
          + "such as 'temp_scaled = (temp - 20) / 10'");
    }
    String name = line.substring(0, at).strip();
    String expression = line.substring(at + 1).strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("has no name before '='; write 'name = expression'");
    }
    if (expression.isEmpty()) {
      throw new IllegalArgumentException("has nothing after '='; write the expression that computes '" + name + "'");
    }
    try {
      Values.identifier(name, "feature name");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("names the feature '" + name + "', which " + e.getMessage());
    }
    return new FeatureSpec(name, expression);
  }

  /** The index of the first '=' that stands alone, or -1. */
  static int assignment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) != '=') {
        continue;
      }
      if (i + 1 < line.length() && line.charAt(i + 1) == '=') {
        i++; // '==': skip both
        continue;
      }
      if (i > 0 && "<>!".indexOf(line.charAt(i - 1)) >= 0) {
        continue; // '<=', '>=', '!='
      }
      return i;
    }
    return -1;
  }
}
