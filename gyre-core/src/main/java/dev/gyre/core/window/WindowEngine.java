package dev.gyre.core.window;

import dev.gyre.core.window.WindowLayout.Output;
import dev.gyre.spec.AggregateFunction;
import dev.gyre.core.window.WindowLayout.Window;
import java.util.Arrays;

/**
 * Applies events to per-key window state and computes each event's aggregates.
 *
 * <p>Semantics, per key and on event time only (never the clock), so that the result depends only on
 * the key's own events in their order, whichever instance handles the key:
 * <ul>
 *   <li>The key's watermark is its latest event time applied minus the allowed lateness. An event
 *       older than the watermark is {@link Result#LATE}: it changes nothing.
 *   <li>An event whose position is at most the key's highest position applied is
 *       {@link Result#ALREADY_APPLIED}: it changes nothing, and its aggregates are read from the state.
 *   <li>Otherwise the event is added to the bucket holding its time in every window (out-of-order
 *       events included), then its aggregates are computed <em>as of its own time</em>: a window of
 *       n buckets covers the bucket holding the event's time and the n - 1 before it, with every event
 *       of the key applied so far in them, the current one included. Events applied earlier with a
 *       later time count only if they fall in the current event's own bucket.
 * </ul>
 * Buckets older than any event within the lateness could need are dropped, so a key holds at most
 * the window's buckets plus those the lateness spans. Not thread-safe: one engine per stage instance.
 */
public final class WindowEngine {
  /** What became of an event. */
  public enum Result { APPLIED, LATE, ALREADY_APPLIED }

  private final WindowLayout layout;
  private final KeyedStateStore store;
  private final double[][] sums;
  /** Scratch for merging sketches; all zero between calls. */
  private final byte[] registers = new byte[HyperLogLog.REGISTERS];
  private final int[] touched = new int[HyperLogLog.REGISTERS];

  public WindowEngine(WindowLayout layout, KeyedStateStore store) {
    this.layout = layout;
    this.store = store;
    this.sums = layout.windows.stream().map(w -> new double[w.stride()]).toArray(double[][]::new);
  }

  /** The store the engine keeps its states in. */
  public KeyedStateStore store() {
    return store;
  }

  /**
   * Applies one event of {@code key} and writes its aggregates to {@code out}.
   *
   * @param key      the event's key; {@code null} events share one state
   * @param event    the event's time and values
   * @param position the event's source position, growing along the source for a key; or
   *                 {@link KeyState#NO_POSITION} to always apply it
   * @param out      receives one value per aggregate in {@link WindowLayout#outputNames()} order, NaN
   *                 when missing (not written for a {@link Result#LATE} event)
   * @return what became of the event
   */
  public Result apply(String key, EventValues event, long position, double[] out) {
    String k = key == null ? "" : key;
    KeyState state = store.get(k);
    if (state == null) {
      state = layout.newState();
    }
    long t = event.time;
    if (position != KeyState.NO_POSITION && position <= state.lastPosition) {
      compute(state, t, state.maxTime == t ? KeyState.NO_TIME : state.maxTime, out);
      return Result.ALREADY_APPLIED;
    }
    if (state.maxTime != KeyState.NO_TIME && t < watermark(state)) {
      return Result.LATE;
    }
    long previous = state.maxTime;
    add(state, event);
    state.maxTime = Math.max(state.maxTime, t);
    state.lastPosition = Math.max(state.lastPosition, position);
    evict(state);
    compute(state, t, previous, out);
    store.put(k, state);
    return Result.APPLIED;
  }

  /** The time before which events of this state are late. */
  public long watermark(KeyState state) {
    return state.maxTime == KeyState.NO_TIME ? KeyState.NO_TIME : state.maxTime - layout.latenessMillis;
  }

  private void add(KeyState state, EventValues event) {
    for (int w = 0; w < state.series.length; w++) {
      Window window = layout.windows.get(w);
      Series series = state.series[w];
      int b = series.bucket(bucketOf(window, event.time));
      int base = b * series.stride;
      series.stats[base] += 1;
      int[] slots = window.numberSlots();
      for (int f = 0; f < slots.length; f++) {
        double v = event.numbers[slots[f]];
        if (!Double.isNaN(v)) {
          int at = base + 1 + f * WindowLayout.FIELD_STATS;
          series.stats[at] += 1;
          series.stats[at + 1] += v;
          series.stats[at + 2] += v * v;
          series.stats[at + 3] = Math.min(series.stats[at + 3], v);
          series.stats[at + 4] = Math.max(series.stats[at + 4], v);
        }
      }
      int[] hashes = window.hashSlots();
      for (int h = 0; h < hashes.length; h++) {
        if (event.present[hashes[h]]) {
          series.hlls[b * series.sketches + h].add(event.hashes[hashes[h]]);
        }
      }
    }
    for (int i = 0; i < state.lastTimes.length; i++) {
      double v = event.numbers[layout.lastSlots.get(i)];
      if (!Double.isNaN(v) && event.time >= state.lastTimes[i]) {
        state.lastTimes[i] = event.time;
        state.lastValues[i] = v;
      }
    }
  }

  private void evict(KeyState state) {
    long watermark = watermark(state);
    for (int w = 0; w < state.series.length; w++) {
      Window window = layout.windows.get(w);
      if (window.width() > 0) {
        state.series[w].evictBefore(bucketOf(window, watermark) - window.buckets() + 1);
      }
    }
  }

  private void compute(KeyState state, long t, long previous, double[] out) {
    for (int w = 0; w < state.series.length; w++) {
      sum(layout.windows.get(w), state.series[w], t, sums[w]);
    }
    for (int i = 0; i < out.length; i++) {
      Output o = layout.outputs.get(i);
      double[] s = o.window() < 0 ? null : sums[o.window()];
      int at = 1 + o.field() * WindowLayout.FIELD_STATS;
      boolean numbers = o.window() >= 0 && o.function().argument() == AggregateFunction.Argument.NUMBER;
      double n = numbers ? s[at] : 0;
      out[i] = switch (o.function()) {
        case COUNT -> s[0];
        case SUM -> s[at + 1];
        case MEAN -> n == 0 ? Double.NaN : s[at + 1] / n;
        case MIN -> n == 0 ? Double.NaN : s[at + 3];
        case MAX -> n == 0 ? Double.NaN : s[at + 4];
        case STDDEV -> n == 0 ? Double.NaN : Math.sqrt(Math.max(0, s[at + 2] / n - (s[at + 1] / n) * (s[at + 1] / n)));
        case DISTINCT -> distinct(layout.windows.get(o.window()), state.series[o.window()], o.field(), t);
        case LAST -> state.lastTimes[o.field()] == KeyState.NO_TIME ? Double.NaN : state.lastValues[o.field()];
        case SINCE_PREVIOUS -> previous == KeyState.NO_TIME ? Double.NaN : Math.max(0, t - previous);
      };
    }
  }

  /** Adds up the buckets of {@code window} that cover time {@code t}, oldest first. */
  private static void sum(Window window, Series series, long t, double[] into) {
    Arrays.fill(into, 0);
    for (int f = 1; f < into.length; f += WindowLayout.FIELD_STATS) {
      into[f + 3] = Double.POSITIVE_INFINITY;
      into[f + 4] = Double.NEGATIVE_INFINITY;
    }
    long last = bucketOf(window, t);
    long first = last - window.buckets() + 1;
    for (int b = 0; b < series.size; b++) {
      if (series.ids[b] < first || series.ids[b] > last) {
        continue;
      }
      int base = b * series.stride;
      into[0] += series.stats[base];
      for (int f = 1; f < into.length; f += WindowLayout.FIELD_STATS) {
        into[f] += series.stats[base + f];
        into[f + 1] += series.stats[base + f + 1];
        into[f + 2] += series.stats[base + f + 2];
        into[f + 3] = Math.min(into[f + 3], series.stats[base + f + 3]);
        into[f + 4] = Math.max(into[f + 4], series.stats[base + f + 4]);
      }
    }
  }

  private double distinct(Window window, Series series, int sketch, long t) {
    long last = bucketOf(window, t);
    long first = last - window.buckets() + 1;
    int count = 0;
    for (int b = 0; b < series.size && count >= 0; b++) {
      if (series.ids[b] >= first && series.ids[b] <= last) {
        count = series.hlls[b * series.sketches + sketch].mergeSparse(registers, touched, count);
      }
    }
    if (count >= 0) {   // all sparse: visit only the registers set
      long estimate = HyperLogLog.estimate(registers, touched, count);
      for (int i = 0; i < count; i++) {
        registers[touched[i]] = 0;
      }
      return estimate;
    }
    Arrays.fill(registers, (byte) 0);
    for (int b = 0; b < series.size; b++) {
      if (series.ids[b] >= first && series.ids[b] <= last) {
        series.hlls[b * series.sketches + sketch].mergeInto(registers);
      }
    }
    long estimate = HyperLogLog.estimate(registers);
    Arrays.fill(registers, (byte) 0);
    return estimate;
  }

  static long bucketOf(Window window, long time) {
    return window.width() == 0 ? 0 : Math.floorDiv(time, window.width());
  }
}
