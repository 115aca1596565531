package dev.gyre.bench;

/**
 * When each event of an open-loop run is due: event {@code i} at {@code start + i / rate}, whatever
 * happened to the events before it. Latency is measured from this intended time, not from when the
 * event was actually sent, so a sender held up by a slow system still charges the wait to the system
 * (the correction for coordinated omission). Immutable.
 *
 * @param startNanos when event 0 is due, on the {@link System#nanoTime()} scale
 * @param rate       events per second, more than 0
 */
public record Schedule(long startNanos, double rate) {
  public Schedule {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a positive number of events per second, was " + rate);
    }
  }

  /** The intended send time of event {@code sequence} (from 0). */
  public long intended(long sequence) {
    return startNanos + (long) (sequence * 1e9 / rate);
  }

  /** How many events are due at {@code nowNanos}: those whose intended time is not after it. */
  public long dueBy(long nowNanos) {
    if (nowNanos < startNanos) {
      return 0;
    }
    long due = (long) ((nowNanos - startNanos) * rate / 1e9) + 1;
    // Correct the floating-point estimate by at most one either way.
    while (due > 0 && intended(due - 1) > nowNanos) {
      due--;
    }
    while (intended(due) <= nowNanos) {
      due++;
    }
    return due;
  }

  /** How many events a run of {@code durationNanos} holds. */
  public long count(long durationNanos) {
    return Math.max(1, (long) Math.ceil(durationNanos * rate / 1e9));
  }
}
