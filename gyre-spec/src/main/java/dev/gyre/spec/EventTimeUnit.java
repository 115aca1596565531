package dev.gyre.spec;

/** The unit of a {@code windows.time} field, as written in YAML by {@link #yamlName()}. */
public enum EventTimeUnit {
  /** Epoch milliseconds, Pulsar's unit for event time. */
  MILLISECONDS("ms", 1),
  /** Epoch seconds, possibly with a fraction. */
  SECONDS("s", 1000);

  private final String yamlName;
  private final long millis;

  EventTimeUnit(String yamlName, long millis) {
    this.yamlName = yamlName;
    this.millis = millis;
  }

  /** {@code ms} or {@code s}. */
  public String yamlName() {
    return yamlName;
  }

  /** Milliseconds in one unit. */
  public long millis() {
    return millis;
  }
}
