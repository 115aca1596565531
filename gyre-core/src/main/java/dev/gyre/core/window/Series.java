package dev.gyre.core.window;

import java.util.Arrays;

/**
 * The non-empty buckets of one window of one key, sorted by bucket id, so a key that is rarely
 * active holds only the buckets it used. Each bucket has {@code stride} doubles and
 * {@code sketches} HyperLogLogs, laid out as {@link WindowLayout} says. Not thread-safe.
 */
final class Series {
  final int stride;
  final int sketches;
  long[] ids = new long[0];
  double[] stats = new double[0];
  HyperLogLog[] hlls = new HyperLogLog[0];
  int size;

  Series(int stride, int sketches) {
    this.stride = stride;
    this.sketches = sketches;
  }

  /** The index of bucket {@code id}, inserted empty if absent. Events mostly land in the newest bucket. */
  int bucket(long id) {
    if (size > 0 && ids[size - 1] == id) {
      return size - 1;
    }
    int at = Arrays.binarySearch(ids, 0, size, id);
    if (at >= 0) {
      return at;
    }
    int pos = -at - 1;
    if (size == ids.length) {
      int capacity = Math.max(2, size * 2);
      ids = Arrays.copyOf(ids, capacity);
      stats = Arrays.copyOf(stats, capacity * stride);
      hlls = Arrays.copyOf(hlls, capacity * sketches);
    }
    System.arraycopy(ids, pos, ids, pos + 1, size - pos);
    System.arraycopy(stats, pos * stride, stats, (pos + 1) * stride, (size - pos) * stride);
    System.arraycopy(hlls, pos * sketches, hlls, (pos + 1) * sketches, (size - pos) * sketches);
    ids[pos] = id;
    int base = pos * stride;
    stats[base] = 0;
    for (int f = 1; f < stride; f += WindowLayout.FIELD_STATS) {
      stats[base + f] = 0;
      stats[base + f + 1] = 0;
      stats[base + f + 2] = 0;
      stats[base + f + 3] = Double.POSITIVE_INFINITY;
      stats[base + f + 4] = Double.NEGATIVE_INFINITY;
    }
    for (int s = 0; s < sketches; s++) {
      hlls[pos * sketches + s] = new HyperLogLog();
    }
    size++;
    return pos;
  }

  /** Drops the buckets older than {@code minId}; they can no longer be in any event's window. */
  void evictBefore(long minId) {
    int drop = 0;
    while (drop < size && ids[drop] < minId) {
      drop++;
    }
    if (drop == 0) {
      return;
    }
    System.arraycopy(ids, drop, ids, 0, size - drop);
    System.arraycopy(stats, drop * stride, stats, 0, (size - drop) * stride);
    System.arraycopy(hlls, drop * sketches, hlls, 0, (size - drop) * sketches);
    Arrays.fill(hlls, (size - drop) * sketches, size * sketches, null);
    size -= drop;
  }
}
