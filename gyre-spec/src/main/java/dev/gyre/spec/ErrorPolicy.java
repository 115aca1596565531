package dev.gyre.spec;

import java.util.Locale;

/** What a stage does with an event it cannot process. */
public enum ErrorPolicy {
  /** Send the event, with the reason, to the stage's dead-letter topic and go on. */
  DEAD_LETTER,
  /** Stop the stage: for pipelines where a skipped event is worse than a halt. */
  FAIL;

  /** The name used in YAML: {@code dead-letter} or {@code fail}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
