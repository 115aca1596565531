package dev.gyre.api;

import java.util.Objects;

/** What a {@link Stage} decided for one record: emit an output, or dead-letter the input. */
public sealed interface Outcome permits Outcome.Emit, Outcome.DeadLetter {

  /**
   * Emit one output record.
   *
   * @param key   the output key; {@code null} keeps the input's key
   * @param value the output payload
   */
  record Emit(String key, byte[] value) implements Outcome {
    public Emit {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * Send the input, unchanged, to the stage's dead-letter topic.
   *
   * @param reason a short, stable, low-cardinality code usable as a metric tag, such as
   *               {@code malformed-json}, {@code missing-field}, {@code formula-error}
   * @param detail a human-readable explanation naming the field and value involved
   */
  record DeadLetter(String reason, String detail) implements Outcome {
    public DeadLetter {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  static Outcome emit(String key, byte[] value) {
    return new Emit(key, value);
  }

  static Outcome deadLetter(String reason, String detail) {
    return new DeadLetter(reason, detail);
  }
}
