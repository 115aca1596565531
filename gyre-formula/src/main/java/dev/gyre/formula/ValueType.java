package dev.gyre.formula;

/**
 * The three types a formula value can have. Every number is a double, whether the field arrived as
 * {@code 37} or {@code 37.4}, so arithmetic never truncates.
 */
public enum ValueType {
  /** A finite double. */
  NUMBER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** A non-null string. */
  STRING
}
