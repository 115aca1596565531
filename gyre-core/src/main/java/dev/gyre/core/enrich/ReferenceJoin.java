package dev.gyre.core.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.event.Rejection;
import dev.gyre.spec.EnrichSpec;
import dev.gyre.spec.FieldSpec;
import java.util.List;

/**
 * One {@code enrich} entry of a features stage: looks up the event's key in a {@link ReferenceTable}
 * and adds the row's declared fields, typed, under their prefixed names. A value the row cannot give
 * (no row under {@code missing: defaults}, a field absent, null or of another type) takes the field's
 * default; without one, and for a missing row under {@code missing: dead-letter}, the event is rejected
 * with reason {@code missing-reference} and a detail naming the key, the table and the field.
 *
 * <p>Immutable and thread-safe: instances of a stage share one join; the table changes under it.
 */
public final class ReferenceJoin {
  private final EnrichSpec spec;
  private final ReferenceTable table;
  private final FieldSpec[] fields;
  private final String[] outputs;
  private final Object[] defaults;

  public ReferenceJoin(EnrichSpec spec, ReferenceTable table) {
    this.spec = spec;
    this.table = table;
    this.fields = spec.fields().toArray(FieldSpec[]::new);
    this.outputs = spec.outputNames().toArray(String[]::new);
    this.defaults = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      defaults[i] = spec.defaults().get(fields[i].name());
    }
  }

  /** Joins each event with the tables of {@code specs}, in order. */
  public static List<ReferenceJoin> of(List<EnrichSpec> specs, ReferenceTables tables) {
    return specs.stream().map(s -> new ReferenceJoin(s, tables.table(s.table()))).toList();
  }

  /**
   * Adds the row's fields to {@code event}.
   *
   * @throws Rejection {@code missing-reference} when a value is missing and no default applies
   */
  public void apply(ObjectNode event) {
    String key = keyOf(event.get(spec.key()));
    JsonNode row = key == null ? null : table.get(key);
    String where = "the row for " + spec.key() + " '" + key + "' in " + spec.table();
    String rowProblem = key == null ? "the event has no " + spec.key() + " to look up in " + spec.table()
        : row == null ? "there is no row for " + spec.key() + " '" + key + "' in " + spec.table()
        : row.isMissingNode() ? where + " is not JSON"
        : !row.isObject() ? where + " is a JSON " + row.getNodeType().name().toLowerCase() + ", not an object"
        : null;
    if (rowProblem != null && spec.missing() == EnrichSpec.OnMissing.DEAD_LETTER) {
      throw new Rejection(Rejection.MISSING_REFERENCE, rowProblem + " (missing: dead-letter)");
    }
    for (int i = 0; i < fields.length; i++) {
      String problem = rowProblem != null ? rowProblem : put(event, i, row.get(fields[i].name()), where);
      if (problem == null) {
        continue;
      }
      if (defaults[i] == null) {
        throw new Rejection(Rejection.MISSING_REFERENCE, problem + ", and '" + fields[i].name()
            + "' has no default");
      }
      putDefault(event, i);
    }
  }

  /** Puts the row's value for field {@code i}; returns why it cannot, or null. */
  private String put(ObjectNode event, int i, JsonNode value, String where) {
    if (value == null || value.isNull()) {
      return where + " has " + (value == null ? "no '" + fields[i].name() + "'" : "'" + fields[i].name()
          + "' null");
    }
    try {
      EventSchema.checkValue(fields[i], value);
    } catch (Rejection wrongType) {
      return where + ": " + wrongType.getMessage();
    }
    switch (fields[i].type()) {
      case STRING -> event.put(outputs[i], value.textValue());
      case BOOLEAN -> event.put(outputs[i], value.booleanValue());
      case INT, LONG -> event.put(outputs[i], value.isIntegralNumber() ? value.longValue()
          : (long) value.doubleValue());
      case FLOAT, DOUBLE -> event.put(outputs[i], value.doubleValue());
      default -> throw new IllegalStateException("unhandled type " + fields[i].type());
    }
    return null;
  }

  private void putDefault(ObjectNode event, int i) {
    Object value = defaults[i];
    if (value instanceof String s) {
      event.put(outputs[i], s);
    } else if (value instanceof Long l) {
      event.put(outputs[i], l);
    } else if (value instanceof Double d) {
      event.put(outputs[i], d);
    } else {
      event.put(outputs[i], (Boolean) value);
    }
  }

  /** The key's text: a string as is, a whole number without a fraction ({@code 12}, also for 12.0). */
  private static String keyOf(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.asText();
    }
    double d = value.doubleValue();
    return value.isNumber() && d == Math.rint(d) && Math.abs(d) < 0x1p63 ? Long.toString((long) d) : value.toString();
  }
}
