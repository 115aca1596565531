package dev.gyre.core.window;

import dev.gyre.spec.EventTimeUnit;
import dev.gyre.spec.WindowSpec;
import dev.gyre.spec.internal.AggregateLines;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Cost of window state; not a test (Surefire ignores the name). 100,000 keys (or the first
 * argument), 1 m, 1 h and 24 h windows on two number fields plus an hourly distinct count,
 * 3,000,000 events in random key order over one hour of event time (30 per key), then: nanoseconds
 * per event, encoded bytes per key, heap per key.
 *
 * <p>Run after {@code mvn -pl gyre-core -am install -DskipTests}:
 * {@code java -Xmx4g -cp gyre-core/target/classes:gyre-core/target/test-classes:gyre-spec/target/classes:gyre-api/target/classes
 * dev.gyre.core.window.WindowStateBench}
 */
public final class WindowStateBench {
  private static final long EVENTS = 3_000_000;
  private static final String[] LINES = {"n_1m = count() over 1m", "amount_sum_1m = sum(amount) over 1m",
      "qty_max_1m = max(qty) over 1m", "n_1h = count() over 1h", "amount_mean_1h = mean(amount) over 1h",
      "amount_std_1h = stddev(amount) over 1h", "qty_sum_1h = sum(qty) over 1h",
      "merchants_1h = distinct(merchant) over 1h", "amount_mean_24h = mean(amount) over 24h",
      "amount_std_24h = stddev(amount) over 24h", "qty_mean_24h = mean(qty) over 24h",
      "last_amount = last(amount)", "gap = since_previous()"};

  private WindowStateBench() {}

  /** @param args optionally the number of keys (default 100,000); the 3,000,000 events are spread over them */
  public static void main(String[] args) {
    int keyCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    WindowSpec spec = new WindowSpec("ts", EventTimeUnit.MILLISECONDS, Duration.ofSeconds(30), null,
        Arrays.stream(LINES).filter(l -> args.length < 2 || !l.contains(args[1])).map(AggregateLines::parse).toList());
    WindowLayout layout = WindowLayout.of(spec);
    String[] keys = new String[keyCount];
    for (int k = 0; k < keyCount; k++) {
      keys[k] = "card-" + k;
    }
    long heapBefore = usedHeap();
    InMemoryKeyedStateStore store = new InMemoryKeyedStateStore();
    WindowEngine engine = new WindowEngine(layout, store);
    EventValues event = layout.newEvent();
    double[] out = new double[spec.aggregates().size()];
    SplittableRandom random = new SplittableRandom(42);
    long start = System.nanoTime();
    long events = EVENTS;
    for (long i = 0; i < events; i++) {   // one hour of event time, keys in random order
      event.clear();
      event.time = 1_700_000_000_000L + i * 3_600_000L / events;
      event.numbers[0] = 1 + random.nextInt(50_000) / 100.0;
      event.numbers[1] = 1 + random.nextInt(5);
      if (event.present.length > 0) {
        event.present[0] = true;
        event.hashes[0] = HyperLogLog.hash("merchant-" + random.nextInt(2_000));
      }
      engine.apply(keys[random.nextInt(keyCount)], event, KeyState.NO_POSITION, out);
      if (i == events / 3) {
        start = System.nanoTime();   // the first third warms the JIT up
      }
    }
    double nsPerEvent = (System.nanoTime() - start) / (events - events / 3.0);
    long heapAfter = usedHeap();
    KeyStateCodec codec = new KeyStateCodec(layout);
    long[] bytes = new long[1];
    long[] buckets = new long[1];
    store.forEach((key, state) -> {
      bytes[0] += codec.encode(state).length;
      buckets[0] += state.buckets();
    });
    System.out.printf("keys %,d, events %,d, aggregates %d over %d windows%n", store.size(), events, out.length,
        layout.windows.size());
    System.out.printf("apply + aggregates: %.0f ns/event%n", nsPerEvent);
    System.out.printf("encoded state: %.0f bytes/key (%.1f buckets/key)%n", bytes[0] / (double) store.size(),
        buckets[0] / (double) store.size());
    System.out.printf("heap: %.0f bytes/key (keys and map included)%n", (heapAfter - heapBefore) / (double) keyCount);
    System.out.println("(" + out[0] + ")");
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
