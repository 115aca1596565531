package dev.gyre.core.window;

import java.util.Arrays;

/**
 * One event's inputs to a {@link WindowEngine}, made by {@link WindowLayout#newEvent()} and reused
 * for every event: set {@link #time}, each number slot (NaN when the event lacks the field) and each
 * hash slot ({@link HyperLogLog#hash}; {@code present[i] = false} when it lacks the field). Not thread-safe.
 */
public final class EventValues {
  /** The event time, epoch milliseconds. */
  public long time;
  /** Values of {@link WindowLayout#numberFields()}, NaN when missing. */
  public final double[] numbers;
  /** Hashes of {@link WindowLayout#hashFields()}. */
  public final long[] hashes;
  /** Whether each hash slot holds a value. */
  public final boolean[] present;

  EventValues(int numbers, int hashes) {
    this.numbers = new double[numbers];
    this.hashes = new long[hashes];
    this.present = new boolean[hashes];
  }

  /** Marks every value missing. */
  public void clear() {
    Arrays.fill(numbers, Double.NaN);
    Arrays.fill(present, false);
  }
}
