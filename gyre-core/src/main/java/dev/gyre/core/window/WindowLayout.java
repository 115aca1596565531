package dev.gyre.core.window;

import dev.gyre.spec.AggregateFunction;
import dev.gyre.spec.AggregateSpec;
import dev.gyre.spec.WindowSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link WindowSpec}'s aggregates map onto state: the fields an event supplies (number slots
 * and hash slots of {@link EventValues}), the distinct windows kept (aggregates over the same window
 * share its buckets), and which statistics each bucket holds. Immutable and thread-safe.
 *
 * <p>A bucket of a window holds the event count, then for each number field the window tracks:
 * n, sum, sum of squares, min and max (five doubles), and one {@link HyperLogLog} per hashed field.
 */
public final class WindowLayout {
  /** Doubles per tracked number field in a bucket: n, sum, sum of squares, min, max. */
  static final int FIELD_STATS = 5;

  /** One kept window: buckets of {@code width} ms ({@code 0}: the whole history in one bucket). */
  record Window(long width, int buckets, int[] numberSlots, int[] hashSlots) {
    int stride() {
      return 1 + FIELD_STATS * numberSlots.length;
    }
  }

  /** One aggregate: its function, its window, and its field's index within that window (or LAST slot). */
  record Output(String name, AggregateFunction function, int window, int field) {}

  final long latenessMillis;
  final List<String> numberFields = new ArrayList<>();
  final List<String> hashFields = new ArrayList<>();
  final List<Window> windows = new ArrayList<>();
  final List<Output> outputs = new ArrayList<>();
  /** The number slot of each {@code last} aggregate, by its LAST index. */
  final List<Integer> lastSlots = new ArrayList<>();
  final int fingerprint;

  private WindowLayout(WindowSpec spec) {
    this.latenessMillis = spec.allowedLateness().toMillis();
    Map<String, List<AggregateSpec>> byWindow = new LinkedHashMap<>();
    for (AggregateSpec a : spec.aggregates()) {
      if (a.function().argument() == AggregateFunction.Argument.NUMBER && !numberFields.contains(a.field())) {
        numberFields.add(a.field());
      }
      if (a.function() == AggregateFunction.DISTINCT && !hashFields.contains(a.field())) {
        hashFields.add(a.field());
      }
      if (a.function().windowed()) {
        byWindow.computeIfAbsent(windowKey(a), k -> new ArrayList<>()).add(a);
      }
    }
    Map<String, Integer> windowIndex = new LinkedHashMap<>();
    for (Map.Entry<String, List<AggregateSpec>> entry : byWindow.entrySet()) {
      AggregateSpec first = entry.getValue().get(0);
      List<AggregateSpec> members = entry.getValue();
      int[] numbers = members.stream().filter(a -> a.function().argument() == AggregateFunction.Argument.NUMBER)
          .map(AggregateSpec::field).distinct().mapToInt(numberFields::indexOf).toArray();
      int[] hashes = members.stream().filter(a -> a.function() == AggregateFunction.DISTINCT)
          .map(AggregateSpec::field).distinct().mapToInt(hashFields::indexOf).toArray();
      windowIndex.put(entry.getKey(), windows.size());
      windows.add(new Window(first.size() == null ? 0 : first.step().toMillis(), first.buckets(), numbers, hashes));
    }
    for (AggregateSpec a : spec.aggregates()) {
      int window = a.function().windowed() ? windowIndex.get(windowKey(a)) : -1;
      int field = switch (a.function()) {
        case COUNT, SINCE_PREVIOUS -> -1;
        case DISTINCT -> indexOf(windows.get(window).hashSlots(), hashFields.indexOf(a.field()));
        case LAST -> {
          lastSlots.add(numberFields.indexOf(a.field()));
          yield lastSlots.size() - 1;
        }
        default -> indexOf(windows.get(window).numberSlots(), numberFields.indexOf(a.field()));
      };
      outputs.add(new Output(a.name(), a.function(), window, field));
    }
    this.fingerprint = describe().hashCode();
  }

  /** The layout of {@code spec}'s aggregates. */
  public static WindowLayout of(WindowSpec spec) {
    return new WindowLayout(spec);
  }

  /** Fields read as numbers, in {@link EventValues#numbers} order. */
  public List<String> numberFields() {
    return List.copyOf(numberFields);
  }

  /** Fields counted by {@code distinct}, in {@link EventValues#hashes} order. */
  public List<String> hashFields() {
    return List.copyOf(hashFields);
  }

  /** The aggregates' names, in output order. */
  public List<String> outputNames() {
    return outputs.stream().map(Output::name).toList();
  }

  /** A reusable holder for one event's values; not thread-safe. */
  public EventValues newEvent() {
    return new EventValues(numberFields.size(), hashFields.size());
  }

  /** An empty state for a new key. */
  public KeyState newState() {
    return new KeyState(this);
  }

  /** A text that changes whenever the state's shape does; its hash guards decoding. */
  String describe() {
    StringBuilder text = new StringBuilder("v1;").append(numberFields).append(hashFields).append(lastSlots);
    windows.forEach(w -> text.append(';').append(w.width()).append('x').append(w.buckets()).append(' ')
        .append(java.util.Arrays.toString(w.numberSlots())).append(java.util.Arrays.toString(w.hashSlots())));
    return text.toString();
  }

  private static String windowKey(AggregateSpec a) {
    return a.size() == null ? "all" : a.step().toMillis() + "x" + a.buckets();
  }

  private static int indexOf(int[] slots, int slot) {
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == slot) {
        return i;
      }
    }
    throw new IllegalStateException("slot " + slot + " not tracked");
  }
}
