package dev.gyre.spec;

import java.util.Locale;

/**
 * A per-key aggregate a {@code windows} block may compute, as written in YAML by {@link #yamlName()}.
 * Every aggregate sees the current event included.
 */
public enum AggregateFunction {
  /** {@code count()}: events in the window. */
  COUNT(Argument.NONE, true),
  /** {@code sum(x)}: sum of a number field; 0 when no event in the window has it. */
  SUM(Argument.NUMBER, true),
  /** {@code mean(x)}: arithmetic mean of a number field; missing when no event has it. */
  MEAN(Argument.NUMBER, true),
  /** {@code min(x)}: smallest value of a number field; missing when no event has it. */
  MIN(Argument.NUMBER, true),
  /** {@code max(x)}: largest value of a number field; missing when no event has it. */
  MAX(Argument.NUMBER, true),
  /** {@code stddev(x)}: population standard deviation of a number field; missing when no event has it. */
  STDDEV(Argument.NUMBER, true),
  /** {@code distinct(x)}: approximate number of distinct values of any field (HyperLogLog). */
  DISTINCT(Argument.ANY, true),
  /** {@code last(x)}: the number field's value on the key's latest event by event time that has it. */
  LAST(Argument.NUMBER, false),
  /** {@code since_previous()}: milliseconds since the key's latest earlier event; missing on its first. */
  SINCE_PREVIOUS(Argument.NONE, false);

  /** What a function takes between its parentheses. */
  public enum Argument {
    /** Nothing: {@code count()}. */
    NONE,
    /** A field of a number type (int, long, float, double). */
    NUMBER,
    /** A field of any type. */
    ANY
  }

  private final Argument argument;
  private final boolean windowed;

  AggregateFunction(Argument argument, boolean windowed) {
    this.argument = argument;
    this.windowed = windowed;
  }

  /** What the function takes. */
  public Argument argument() {
    return argument;
  }

  /** Whether the function may have an {@code over} window; the others look at the key's whole history. */
  public boolean windowed() {
    return windowed;
  }

  /** Whether the result is a whole number (written as a JSON integer, typed {@code long}). */
  public boolean integral() {
    return this == COUNT || this == DISTINCT || this == SINCE_PREVIOUS;
  }

  /** The name used in YAML: {@code count}, {@code since_previous}, ... */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
