package dev.gyre.core.window;

import dev.gyre.spec.EventTimeUnit;
import dev.gyre.spec.WindowSpec;
import dev.gyre.spec.internal.AggregateLines;
import java.time.Duration;
import java.util.Arrays;

/** Test helpers: window specs from aggregate lines, and an engine fed one event at a time. */
final class Windows {
  final WindowLayout layout;
  final WindowEngine engine;
  final double[] out;
  private final EventValues event;

  Windows(Duration lateness, String... lines) {
    this(spec(lateness, lines), new InMemoryKeyedStateStore());
  }

  Windows(WindowSpec spec, KeyedStateStore store) {
    this.layout = WindowLayout.of(spec);
    this.engine = new WindowEngine(layout, store);
    this.out = new double[spec.aggregates().size()];
    this.event = layout.newEvent();
  }

  static WindowSpec spec(Duration lateness, String... lines) {
    return new WindowSpec("ts", EventTimeUnit.MILLISECONDS, lateness, null,
        Arrays.stream(lines).map(AggregateLines::parse).toList());
  }

  /** Applies an event with {@code amount} (NaN: missing) and {@code merchant} (null: missing). */
  WindowEngine.Result apply(String key, long time, double amount, String merchant, long position) {
    event.clear();
    event.time = time;
    int amountSlot = layout.numberFields().indexOf("amount");
    if (amountSlot >= 0) {
      event.numbers[amountSlot] = amount;
    }
    int merchantSlot = layout.hashFields().indexOf("merchant");
    if (merchantSlot >= 0 && merchant != null) {
      event.present[merchantSlot] = true;
      event.hashes[merchantSlot] = HyperLogLog.hash(merchant);
    }
    return engine.apply(key, event, position, out);
  }

  WindowEngine.Result apply(String key, long time, double amount) {
    return apply(key, time, amount, null, KeyState.NO_POSITION);
  }

  KeyState state(String key) {
    return engine.store().get(key);
  }
}
