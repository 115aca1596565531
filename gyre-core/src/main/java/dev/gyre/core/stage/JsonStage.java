package dev.gyre.core.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.api.InputRecord;
import dev.gyre.api.Outcome;
import dev.gyre.api.Stage;
import dev.gyre.api.StageContext;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.event.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage that enriches JSON events: decode, check the input fields, {@link #enrich}, encode.
 * A {@link Rejection} anywhere becomes a dead letter with its reason. Not thread-safe: one
 * instance per stage thread, as the {@link Stage} contract says.
 */
abstract class JsonStage implements Stage {
  private final EventCodec codec;
  private final EventSchema schema;
  private final String keyField;

  /** @param keyField the field that keys an event without a record key, or {@code null} */
  JsonStage(EventCodec codec, EventSchema schema, String keyField) {
    this.codec = codec;
    this.schema = schema;
    this.keyField = keyField;
  }

  @Override
  public void init(StageContext context) {}

  @Override
  public final Outcome process(InputRecord record) {
    try {
      ObjectNode event = codec.decode(record.value());
      schema.check(event);
      String derivedKey = record.key() == null ? keyOf(event) : null;
      enrich(event, record.key() != null ? record.key() : derivedKey);
      return Outcome.emit(derivedKey, codec.encode(event));
    } catch (Rejection rejection) {
      return rejection.toOutcome();
    }
  }

  /**
   * Decodes and checks every record, hands the events that pass to {@link #enrichAll} in input
   * order, then encodes: the same outcomes as {@link #process} on each record in turn.
   */
  @Override
  public final List<Outcome> processBatch(List<InputRecord> records) {
    List<Slot> slots = new ArrayList<>(records.size());
    List<Slot> live = new ArrayList<>(records.size());
    for (InputRecord record : records) {
      Slot slot;
      try {
        ObjectNode event = codec.decode(record.value());
        schema.check(event);
        String derivedKey = record.key() == null ? keyOf(event) : null;
        slot = new Slot(event, record.key() != null ? record.key() : derivedKey, derivedKey);
        live.add(slot);
      } catch (Rejection rejection) {
        slot = new Slot(null, null, null);
        slot.rejection = rejection;
      }
      slots.add(slot);
    }
    if (!live.isEmpty()) {
      enrichAll(live);
    }
    List<Outcome> outcomes = new ArrayList<>(slots.size());
    for (Slot slot : slots) {
      outcomes.add(slot.rejection != null ? slot.rejection.toOutcome()
          : Outcome.emit(slot.derivedKey, codec.encode(slot.event)));
    }
    return outcomes;
  }

  /**
   * Enriches checked events in input order; a rejected event gets its {@link Slot#rejection} set
   * and the others go on. The default enriches them one by one; stages that can share work between
   * events (one model call for all) override it.
   */
  void enrichAll(List<Slot> slots) {
    for (Slot slot : slots) {
      try {
        enrich(slot.event, slot.key);
      } catch (Rejection rejection) {
        slot.rejection = rejection;
      }
    }
  }

  /** One event of a batch on its way through the stage. */
  static final class Slot {
    final ObjectNode event;
    final String key;
    final String derivedKey;
    Rejection rejection;

    Slot(ObjectNode event, String key, String derivedKey) {
      this.event = event;
      this.key = key;
      this.derivedKey = derivedKey;
    }
  }

  /**
   * Adds this stage's fields to a checked event; throws {@link Rejection} to dead-letter it.
   *
   * @param key the event's key (the record's, else the key field's value), or {@code null}
   */
  abstract void enrich(ObjectNode event, String key);

  private String keyOf(ObjectNode event) {
    if (keyField == null) {
      return null;
    }
    JsonNode key = event.get(keyField);
    return key == null || key.isNull() ? null : key.isTextual() ? key.textValue() : key.toString();
  }

  @Override
  public void close() {}
}
