package dev.gyre.core.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.api.InputRecord;
import dev.gyre.api.Outcome;
import dev.gyre.api.Stage;
import dev.gyre.api.StageContext;
import dev.gyre.core.enrich.ReferenceJoin;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.event.Rejection;
import dev.gyre.core.window.EventValues;
import dev.gyre.core.window.HyperLogLog;
import dev.gyre.core.window.KeyState;
import dev.gyre.core.window.KeyStateCodec;
import dev.gyre.core.window.KeyedStateStore;
import dev.gyre.core.window.StatefulStage;
import dev.gyre.core.window.WindowEngine;
import dev.gyre.core.window.WindowLayout;
import dev.gyre.spec.AggregateSpec;
import dev.gyre.spec.WindowSpec;
import java.util.HashSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.List;
import java.util.Set;

/**
 * A features stage with a {@code windows} block: decode and check the event, add its reference rows'
 * fields ({@code enrich}, through {@link ReferenceJoin}s), apply it to its key's
 * window state ({@link WindowEngine}), add one field per aggregate, then compute the formulas, which
 * see the aggregates, through a {@link FeatureStage}.
 *
 * <p>A late event is dead-lettered with reason {@code late-event} (a runtime sends it to the spec's
 * late topic when there is one). An event already applied, by its position, is not counted again: it
 * is emitted with aggregates read from the state. The event counts in its key's state even when a
 * formula then fails on it ({@code formula-error}). Missing aggregates (a mean over no value) are
 * written as JSON null; {@code count}, {@code distinct} and {@code since_previous} as integers.
 * Not thread-safe: one instance per stage thread, as {@link Stage} says.
 */
public final class WindowFeatureStage implements StatefulStage {
  /**
   * The input property holding the input's position: a decimal long that grows along the input
   * topic for each key. A runtime that sets it makes redelivered events count once.
   */
  public static final String POSITION = "gyre.position";
  private static final double MAX_MILLIS = 1e13;

  private final EventCodec codec;
  private final EventSchema schema;
  private final String keyField;
  private final WindowSpec spec;
  private final WindowEngine engine;
  private final FeatureStage formulas;
  private final EventValues values;
  private final String[] numberFields;
  private final String[] hashFields;
  private final AggregateSpec[] aggregates;
  private final double[] out;
  private final KeyStateCodec stateCodec;
  private final List<ReferenceJoin> joins;
  private Set<String> changed = new HashSet<>();

  /** @param formulas computes the stage's formulas on an event that already has its aggregates */
  public WindowFeatureStage(EventCodec codec, EventSchema schema, String keyField, WindowSpec spec,
      KeyedStateStore store, FeatureStage formulas) {
    this(codec, schema, keyField, spec, store, formulas, List.of());
  }

  /**
   * @param joins the reference joins ({@code enrich}) applied before the windows, whose aggregates
   *              may read the fields they add; {@code formulas} then must not join again
   */
  public WindowFeatureStage(EventCodec codec, EventSchema schema, String keyField, WindowSpec spec,
      KeyedStateStore store, FeatureStage formulas, List<ReferenceJoin> joins) {
    this.joins = List.copyOf(joins);
    this.codec = codec;
    this.schema = schema;
    this.keyField = keyField;
    this.spec = spec;
    WindowLayout layout = WindowLayout.of(spec);
    this.engine = new WindowEngine(layout, new AdoptingStore(store));
    this.formulas = formulas;
    this.values = layout.newEvent();
    this.numberFields = layout.numberFields().toArray(String[]::new);
    this.hashFields = layout.hashFields().toArray(String[]::new);
    this.aggregates = spec.aggregates().toArray(AggregateSpec[]::new);
    this.out = new double[aggregates.length];
    this.stateCodec = new KeyStateCodec(layout);
  }

  /** The engine, whose store holds every key's state. */
  public WindowEngine engine() {
    return engine;
  }

  @Override
  public void init(StageContext context) {}

  @Override
  public Outcome process(InputRecord record) {
    String position = record.properties().get(POSITION);
    try {
      return process(record, position == null ? KeyState.NO_POSITION : Long.parseLong(position));
    } catch (NumberFormatException e) {
      return Outcome.deadLetter("stage-error", "the property " + POSITION + " is '" + position
          + "', not a whole number");
    }
  }

  @Override
  public Set<String> drainChangedKeys() {
    Set<String> drained = changed;
    changed = new HashSet<>();
    return drained;
  }

  @Override
  public KeyState state(String key) {
    return ((AdoptingStore) engine.store()).local.get(key);
  }

  @Override
  public void restore(String key, KeyState state) {
    engine.store().put(key, state);
  }

  @Override
  public KeyStateCodec codec() {
    return stateCodec;
  }

  @Override
  public void adoptFrom(BiFunction<String, KeyState, KeyState> newer) {
    ((AdoptingStore) engine.store()).newer = newer;
  }

  /** The stage's store, which asks the runtime for a newer state of a key before each use of it. */
  private static final class AdoptingStore implements KeyedStateStore {
    private final KeyedStateStore local;
    private BiFunction<String, KeyState, KeyState> newer;

    AdoptingStore(KeyedStateStore local) {
      this.local = local;
    }

    @Override
    public KeyState get(String key) {
      KeyState mine = local.get(key);
      KeyState theirs = newer == null ? null : newer.apply(key, mine);
      if (theirs != null) {
        local.put(key, theirs);
        return theirs;
      }
      return mine;
    }

    @Override
    public void put(String key, KeyState state) {
      local.put(key, state);
    }

    @Override
    public int size() {
      return local.size();
    }

    @Override
    public void forEach(BiConsumer<String, KeyState> action) {
      local.forEach(action);
    }
  }

  /** {@link #process(InputRecord)} with the input's position given, or {@link KeyState#NO_POSITION}. */
  @Override
  public Outcome process(InputRecord record, long position) {
    try {
      ObjectNode event = codec.decode(record.value());
      schema.check(event);
      String derivedKey = record.key() == null ? keyOf(event) : null;
      String key = record.key() != null ? record.key() : derivedKey;
      for (ReferenceJoin join : joins) {
        join.apply(event);
      }
      read(event);
      WindowEngine.Result result = engine.apply(key, values, position, out);
      if (result == WindowEngine.Result.APPLIED) {
        changed.add(key == null ? "" : key);
      }
      if (result == WindowEngine.Result.LATE) {
        KeyState state = engine.store().get(key == null ? "" : key);
        throw new Rejection(Rejection.LATE_EVENT, "the event time " + values.time + " ms is before the watermark "
            + engine.watermark(state) + " ms of key '" + key + "' (its latest event time minus "
            + spec.allowedLateness().toMillis() + " ms of allowed lateness)");
      }
      for (int i = 0; i < aggregates.length; i++) {
        if (Double.isNaN(out[i])) {
          event.putNull(aggregates[i].name());
        } else if (aggregates[i].function().integral()) {
          event.put(aggregates[i].name(), (long) out[i]);
        } else {
          event.put(aggregates[i].name(), out[i]);
        }
      }
      formulas.enrich(event, key);
      return Outcome.emit(derivedKey, codec.encode(event));
    } catch (Rejection rejection) {
      return rejection.toOutcome();
    }
  }

  private void read(ObjectNode event) {
    double time = event.get(spec.timeField()).doubleValue() * spec.timeUnit().millis();
    if (!(Math.abs(time) <= MAX_MILLIS)) {
      throw new Rejection(Rejection.BAD_EVENT_TIME, "the field '" + spec.timeField() + "' is "
          + event.get(spec.timeField()) + ", not an epoch time between the years 1653 and 2286 in "
          + spec.timeUnit().yamlName());
    }
    values.time = (long) Math.floor(time);
    values.clear();
    for (int i = 0; i < numberFields.length; i++) {
      JsonNode v = event.get(numberFields[i]);
      if (v != null && v.isNumber()) {
        values.numbers[i] = v.doubleValue();
      }
    }
    for (int i = 0; i < hashFields.length; i++) {
      JsonNode v = event.get(hashFields[i]);
      if (v != null && !v.isNull()) {
        values.present[i] = true;
        values.hashes[i] = v.isNumber() ? HyperLogLog.hash(v.doubleValue())
            : HyperLogLog.hash(v.isTextual() ? v.textValue() : v.toString());
      }
    }
  }

  private String keyOf(ObjectNode event) {
    if (keyField == null) {
      return null;
    }
    JsonNode key = event.get(keyField);
    return key == null || key.isNull() ? null : key.isTextual() ? key.textValue() : key.toString();
  }

  /** The aggregates this stage adds, in order. */
  public List<AggregateSpec> aggregates() {
    return spec.aggregates();
  }

  @Override
  public void close() {}
}
