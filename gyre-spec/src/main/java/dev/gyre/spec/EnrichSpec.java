package dev.gyre.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a features stage's {@code enrich} list: join each event with the row of a reference
 * table (a compacted topic) whose key is the value of the event's {@link #key} field, and add typed
 * fields taken from that row. For example, with {@code key: deviceId} and {@code fields: {site: string}},
 * an event {@code {"deviceId": "d1"}} and the row {@code "d1" -> {"site": "north"}} give
 * {@code {"deviceId": "d1", "site": "north"}}.
 *
 * <p>A value the row cannot give (no row under {@code missing: defaults}, a row without the field, a
 * null or a value of another type) takes the field's default, and without one the event is
 * dead-lettered with reason {@code missing-reference}. Under {@code missing: dead-letter} an event
 * whose key has no row is dead-lettered whatever the defaults.
 *
 * @param table    the full name of the compacted topic holding the table
 * @param key      the event field whose value, as text, is the row's key
 * @param fields   the row fields to add, in order, each with its type; at least one, names unique
 * @param prefix   prepended to each field's name in the event; empty for none, never null
 * @param missing  what an event whose key has no row gets
 * @param defaults per field name, the value used instead: {@code String}, {@code Long} (int and long),
 *                 {@code Double} (float and double) or {@code Boolean}, as the field's type says
 */
public record EnrichSpec(String table, String key, List<FieldSpec> fields, String prefix, OnMissing missing,
    Map<String, Object> defaults) {

  /** What an event whose key has no row in the table gets. */
  public enum OnMissing {
    /** Dead-lettered with reason {@code missing-reference}. */
    DEAD_LETTER,
    /** Every field takes its default; a field without one dead-letters the event. */
    DEFAULTS;

    /** The name used in YAML: {@code dead-letter} or {@code defaults}. */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public EnrichSpec {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(missing, "missing");
    fields = List.copyOf(fields);
    defaults = Map.copyOf(defaults);
    if (fields.isEmpty() || fields.stream().map(FieldSpec::name).distinct().count() != fields.size()) {
      throw new IllegalArgumentException("enrich needs at least one field, names unique: " + fields);
    }
    if (!prefix.matches("[A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("a prefix holds letters, digits and '_' only: '" + prefix + "'");
    }
    if (missing == OnMissing.DEFAULTS && defaults.isEmpty()) {
      throw new IllegalArgumentException("missing: defaults needs at least one default");
    }
    for (Map.Entry<String, Object> entry : defaults.entrySet()) {
      FieldSpec field = fields.stream().filter(f -> f.name().equals(entry.getKey())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("a default for '" + entry.getKey() + "', not a field"));
      if (!javaType(field.type()).isInstance(entry.getValue())) {
        throw new IllegalArgumentException("the default of '" + field.name() + "' is not a " + field.type());
      }
    }
  }

  /** The name the field gets in the event: {@link #prefix} and the field's name. */
  public String outputName(FieldSpec field) {
    return prefix + field.name();
  }

  /** The names this entry adds to the event, in {@link #fields} order. */
  public List<String> outputNames() {
    List<String> names = new ArrayList<>();
    fields.forEach(f -> names.add(outputName(f)));
    return names;
  }

  /** The Java type a default of a field of {@code type} has. */
  public static Class<?> javaType(FieldType type) {
    return switch (type) {
      case STRING -> String.class;
      case INT, LONG -> Long.class;
      case FLOAT, DOUBLE -> Double.class;
      case BOOLEAN -> Boolean.class;
    };
  }
}
