package dev.gyre.spec;

import dev.gyre.spec.internal.SpecKeys;
import java.util.Objects;
import java.util.regex.Pattern;

/** The invariants every {@link StageSpec} shares, checked by the records' constructors. */
final class StageChecks {
  private static final Pattern NAME = Pattern.compile(SpecKeys.NAMES);

  private StageChecks() {}

  /** Pipeline and stage names end up in subscription and function names. */
  static void checkName(String name, String what) {
    if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
      throw new IllegalArgumentException(what + " name '" + name + "' must match " + NAME);
    }
  }

  static void check(String name, String output, String deadLetterTopic, int parallelism, ErrorPolicy onError) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(onError, "onError");
    checkName(name, "stage");
    TopicName.parse(Objects.requireNonNull(output, "output"));
    TopicName.parse(Objects.requireNonNull(deadLetterTopic, "deadLetterTopic"));
    if (deadLetterTopic.equals(output)) {
      throw new IllegalArgumentException("stage '" + name + "' dead-letters to its own output " + output);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
  }
}
