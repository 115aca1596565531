package dev.gyre.spec;

import dev.gyre.spec.internal.Values;
import java.time.Duration;

/** Durations as the spec writes them ({@code 1ms}, {@code 250us}, {@code 2s}), for other front ends. */
public final class Durations {
  private Durations() {}

  /**
   * Parses a whole number with a unit ns, us, ms or s, or a bare {@code 0}.
   *
   * @throws IllegalArgumentException phrased to follow "was '&lt;text&gt;' but it", as spec problems are
   */
  public static Duration parse(String text) {
    return Values.duration(text, 0, Long.MAX_VALUE);
  }
}
