package dev.gyre.spec.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations of window blocks: a whole number with a unit {@code ms}, {@code s}, {@code m},
 * {@code h} or {@code d} ({@code 1m}, {@code 24h}), or a bare {@code 0}. Window lengths are minutes
 * and days, which {@link Values#duration} (for client tuning, down to nanoseconds) does not take.
 */
public final class WindowDurations {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,12})(ms|s|m|h|d)");
  private static final Map<String, Long> MILLIS = Map.of("ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L,
      "d", 86_400_000L);
  private static final List<String> UNITS = List.of("d", "h", "m", "s");

  private WindowDurations() {}

  /**
   * Parses {@code text} as a duration from {@code min} to {@code max}.
   *
   * @throws IllegalArgumentException phrased to follow "was '&lt;text&gt;' but it"
   */
  public static Duration parse(String text, Duration min, Duration max) {
    Matcher m = FORM.matcher(text.equals("0") ? "0ms" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("is not a duration; write a whole number with a unit ms, s, m, h or d, "
          + "such as 30s or 24h");
    }
    Duration d = Duration.ofMillis(Long.parseLong(m.group(1)) * MILLIS.get(m.group(2)));
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new IllegalArgumentException("is out of range; use a duration from " + show(min) + " to " + show(max));
    }
    return d;
  }

  /** The shortest text {@link #parse} reads back as {@code d}. */
  public static String show(Duration d) {
    long millis = d.toMillis();
    for (String unit : UNITS) {
      if (millis != 0 && millis % MILLIS.get(unit) == 0) {
        return millis / MILLIS.get(unit) + unit;
      }
    }
    return millis == 0 ? "0" : millis + "ms";
  }
}
