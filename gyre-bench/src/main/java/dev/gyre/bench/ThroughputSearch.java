package dev.gyre.bench;

import java.util.OptionalLong;

/**
 * Finds the highest rate a system sustains: doubles the rate from {@code startRate} until a step
 * fails (or {@code maxRate} passes), then bisects between the highest rate that passed and the lowest
 * that failed, {@code bisections} times or until the two are within {@code granularity}. Assumes that
 * a system that sustains a rate sustains every lower one. Pure logic, no I/O; not thread-safe.
 *
 * <pre>{@code
 * ThroughputSearch search = new ThroughputSearch(10_000, 2_000_000, 3, 1_000);
 * for (OptionalLong rate = search.next(); rate.isPresent(); rate = search.next()) {
 *   search.record(rate.getAsLong(), runStep(rate.getAsLong()).sustained());
 * }
 * long best = search.best();
 * }</pre>
 */
public final class ThroughputSearch {
  private final long startRate;
  private final long maxRate;
  private final long granularity;
  private int bisectionsLeft;
  private long passed;                     // highest rate sustained so far, 0 if none
  private long failed = Long.MAX_VALUE;    // lowest rate not sustained so far
  private long pending = -1;               // the rate handed out by next() and not yet recorded

  public ThroughputSearch(long startRate, long maxRate, int bisections, long granularity) {
    if (startRate < 1 || maxRate < startRate || bisections < 0 || granularity < 1) {
      throw new IllegalArgumentException("need 1 <= startRate <= maxRate, bisections >= 0 and granularity >= 1; were "
          + startRate + ", " + maxRate + ", " + bisections + ", " + granularity);
    }
    this.startRate = startRate;
    this.maxRate = maxRate;
    this.bisectionsLeft = bisections;
    this.granularity = granularity;
  }

  /** The next rate to try, or empty when the search is over. */
  public OptionalLong next() {
    if (pending >= 0) {
      throw new IllegalStateException("record the result of " + pending + " events/s first");
    }
    long rate;
    if (failed == Long.MAX_VALUE) {
      if (passed >= maxRate) {
        return OptionalLong.empty();
      }
      rate = passed == 0 ? startRate : Math.min(maxRate, passed * 2);
    } else {
      if (bisectionsLeft == 0 || failed - passed <= granularity) {
        return OptionalLong.empty();
      }
      rate = Math.round((passed + failed) / 2.0 / granularity) * granularity;
      if (rate <= passed || rate >= failed) {
        return OptionalLong.empty();
      }
      bisectionsLeft--;
    }
    pending = rate;
    return OptionalLong.of(rate);
  }

  /** Records whether {@code rate}, the one {@link #next()} returned, was sustained. */
  public void record(long rate, boolean sustained) {
    if (rate != pending) {
      throw new IllegalStateException("expected the result of " + pending + " events/s, got " + rate);
    }
    pending = -1;
    if (sustained) {
      passed = Math.max(passed, rate);
    } else {
      failed = Math.min(failed, rate);
    }
  }

  /** The highest rate sustained, or 0 if none was. */
  public long best() {
    return passed;
  }

  /** Whether the search stopped at {@code maxRate} without finding the limit. */
  public boolean reachedMaxRate() {
    return passed >= maxRate;
  }
}
