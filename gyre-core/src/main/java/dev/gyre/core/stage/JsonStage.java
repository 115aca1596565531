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
