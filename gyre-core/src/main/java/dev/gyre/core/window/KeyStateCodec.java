package dev.gyre.core.window;

import java.io.ByteArrayOutputStream;

/**
 * A compact, versioned binary form of one key's {@link KeyState}, for a compacted changelog topic.
 *
 * <p>Version 1: the version byte; the layout's fingerprint (4 bytes), so state is never read into
 * aggregates of another shape; the last position and latest time; each {@code last} value; then per
 * window its buckets: the id (delta to the previous), the event count, per number field its n and,
 * when n &gt; 0, sum, sum of squares, min and max (8 bytes each), and each sketch, sparse (its
 * entries, delta-coded) or dense (4,096 bytes). Whole numbers are zigzag varints. Thread-safe.
 */
public final class KeyStateCodec {
  /** The version written first; a reader refuses others. */
  public static final int VERSION = 1;
  private final WindowLayout layout;

  public KeyStateCodec(WindowLayout layout) {
    this.layout = layout;
  }

  public byte[] encode(KeyState state) {
    if (state.layout != layout && state.layout.fingerprint != layout.fingerprint) {
      throw new IllegalArgumentException("the state belongs to another window layout");
    }
    Out out = new Out();
    out.write(VERSION);
    out.fixed(layout.fingerprint, 4);
    out.varlong(state.lastPosition);
    out.varlong(state.maxTime);
    for (int i = 0; i < state.lastTimes.length; i++) {
      out.varlong(state.lastTimes[i]);
      if (state.lastTimes[i] != KeyState.NO_TIME) {
        out.fixed(Double.doubleToRawLongBits(state.lastValues[i]), 8);
      }
    }
    for (Series series : state.series) {
      out.varlong(series.size);
      long previous = 0;
      for (int b = 0; b < series.size; b++) {
        out.varlong(series.ids[b] - previous);
        previous = series.ids[b];
        int base = b * series.stride;
        out.varlong((long) series.stats[base]);
        for (int f = base + 1; f < base + series.stride; f += WindowLayout.FIELD_STATS) {
          out.varlong((long) series.stats[f]);
          for (int k = 1; series.stats[f] > 0 && k < WindowLayout.FIELD_STATS; k++) {
            out.fixed(Double.doubleToRawLongBits(series.stats[f + k]), 8);
          }
        }
        for (int s = 0; s < series.sketches; s++) {
          HyperLogLog hll = series.hlls[b * series.sketches + s];
          if (hll.dense != null) {
            out.varlong(-1);
            out.write(hll.dense, 0, hll.dense.length);
          } else {
            out.varlong(hll.sparse.length);
            int before = 0;
            for (int entry : hll.sparse) {
              out.varlong(entry - before);
              before = entry;
            }
          }
        }
      }
    }
    return out.toByteArray();
  }

  /**
   * Reads a state written by {@link #encode} with the same layout.
   *
   * @throws IllegalArgumentException when the bytes are of another version or layout, or damaged
   */
  public KeyState decode(byte[] bytes) {
    In in = new In(bytes);
    try {
      int version = in.read();
      if (version != VERSION) {
        throw new IllegalArgumentException("window state of version " + version + "; this Gyre reads " + VERSION);
      }
      if ((int) in.fixed(4) != layout.fingerprint) {
        throw new IllegalArgumentException("window state of another layout: the stage's aggregates changed");
      }
      KeyState state = layout.newState();
      state.lastPosition = in.varlong();
      state.maxTime = in.varlong();
      for (int i = 0; i < state.lastTimes.length; i++) {
        state.lastTimes[i] = in.varlong();
        if (state.lastTimes[i] != KeyState.NO_TIME) {
          state.lastValues[i] = Double.longBitsToDouble(in.fixed(8));
        }
      }
      for (Series series : state.series) {
        readSeries(in, series);
      }
      if (in.at != bytes.length) {
        throw new IllegalArgumentException("window state has " + (bytes.length - in.at) + " bytes too many");
      }
      return state;
    } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("window state is truncated or damaged", e);
    }
  }

  private static void readSeries(In in, Series series) {
    long size = in.varlong();
    long id = 0;
    for (long b = 0; b < size; b++) {
      id += in.varlong();
      int at = series.bucket(id);
      int base = at * series.stride;
      series.stats[base] = in.varlong();
      for (int f = base + 1; f < base + series.stride; f += WindowLayout.FIELD_STATS) {
        series.stats[f] = in.varlong();
        for (int k = 1; series.stats[f] > 0 && k < WindowLayout.FIELD_STATS; k++) {
          series.stats[f + k] = Double.longBitsToDouble(in.fixed(8));
        }
      }
      for (int s = 0; s < series.sketches; s++) {
        HyperLogLog hll = series.hlls[at * series.sketches + s];
        long entries = in.varlong();
        if (entries < 0) {
          hll.dense = in.bytes(HyperLogLog.REGISTERS);
          hll.sparse = null;
        } else {
          hll.sparse = new int[Math.toIntExact(entries)];
          int entry = 0;
          for (int e = 0; e < entries; e++) {
            entry += (int) in.varlong();
            hll.sparse[e] = entry;
          }
        }
      }
    }
  }

  /** Growable output with zigzag varints. */
  private static final class Out extends ByteArrayOutputStream {
    void varlong(long value) {
      long v = (value << 1) ^ (value >> 63);
      while ((v & ~0x7FL) != 0) {
        write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      write((int) v);
    }

    void fixed(long value, int bytes) {
      for (int i = bytes - 1; i >= 0; i--) {
        write((int) (value >>> (8 * i)));
      }
    }
  }

  private static final class In {
    final byte[] bytes;
    int at;

    In(byte[] bytes) {
      this.bytes = bytes;
    }

    int read() {
      return bytes[at++] & 0xFF;
    }

    long varlong() {
      long v = 0;
      for (int shift = 0; shift < 70; shift += 7) {
        int b = read();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return (v >>> 1) ^ -(v & 1);
        }
      }
      throw new IllegalArgumentException("window state has a malformed number");
    }

    long fixed(int n) {
      long v = 0;
      for (int i = 0; i < n; i++) {
        v = (v << 8) | read();
      }
      return v;
    }

    byte[] bytes(int n) {
      byte[] out = java.util.Arrays.copyOfRange(bytes, at, at + n);
      if (at + n > bytes.length) {
        throw new ArrayIndexOutOfBoundsException(at + n);
      }
      at += n;
      return out;
    }
  }
}
