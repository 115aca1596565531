package dev.gyre.core.window;

import java.util.Arrays;

/**
 * Everything one key's window aggregates remember: per kept window its non-empty buckets, per
 * {@code last} aggregate the latest value and its time, the latest event time seen, and the highest
 * source position applied. Made by {@link WindowLayout#newState()}, changed only by
 * {@link WindowEngine}, written and read by {@link KeyStateCodec}. Not thread-safe.
 */
public final class KeyState {
  /** No position: an event without one is always applied. */
  public static final long NO_POSITION = Long.MIN_VALUE;
  /** No event yet. */
  public static final long NO_TIME = Long.MIN_VALUE;

  final WindowLayout layout;
  long lastPosition = NO_POSITION;
  long maxTime = NO_TIME;
  final long[] lastTimes;
  final double[] lastValues;
  final Series[] series;

  KeyState(WindowLayout layout) {
    this.layout = layout;
    this.lastTimes = new long[layout.lastSlots.size()];
    Arrays.fill(lastTimes, NO_TIME);
    this.lastValues = new double[layout.lastSlots.size()];
    this.series = layout.windows.stream().map(w -> new Series(w.stride(), w.hashSlots().length))
        .toArray(Series[]::new);
  }

  /** The highest source position applied to this key, or {@link #NO_POSITION}. */
  public long lastPosition() {
    return lastPosition;
  }

  /** The latest event time applied to this key (epoch ms), or {@link #NO_TIME}. */
  public long maxTime() {
    return maxTime;
  }

  /** How many buckets the key holds over all its windows. */
  public int buckets() {
    return Arrays.stream(series).mapToInt(s -> s.size).sum();
  }
}
