package dev.gyre.learn.eval;

import java.time.Duration;

/**
 * A window an evaluation is computed over: the last {@code labels} labels, or the labels observed in the
 * last {@code duration}. Exactly one of the two is set.
 *
 * @param labels   the count of a count window, else 0
 * @param duration the length of a time window, else {@code null}
 */
public record EvalWindow(int labels, Duration duration) {
  public EvalWindow {
    if ((labels > 0) == (duration != null)) {
      throw new IllegalArgumentException("a window is either a label count or a duration, was " + labels
          + " and " + duration);
    }
    if (labels < 0 || duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("a window must be positive, was " + (duration == null ? labels : duration));
    }
  }

  /** The last {@code n} labels. */
  public static EvalWindow lastLabels(int n) {
    return new EvalWindow(n, null);
  }

  /** The labels observed within the last {@code d}. */
  public static EvalWindow last(Duration d) {
    return new EvalWindow(0, d);
  }

  /** The window's name in evaluations: {@code last-1000} or {@code last-PT1H}. */
  public String name() {
    return "last-" + (duration == null ? String.valueOf(labels) : duration.toString());
  }
}
