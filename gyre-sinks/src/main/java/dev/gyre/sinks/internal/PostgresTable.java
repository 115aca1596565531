package dev.gyre.sinks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.event.Rejection;
import dev.gyre.spec.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The table a PostgreSQL sink writes: {@code event_id text primary key}, one column per field of
 * the input (named exactly as the field, so quoted: {@code "deviceId"}), and {@code received_at}.
 * Builds the SQL, checks an existing table, and turns events into typed column values. Immutable.
 */
public final class PostgresTable {
  private final String schema;
  private final String name;
  private final List<FieldSpec> fields;

  /** @param table {@code name} or {@code schema.name}, as the spec checked it */
  public PostgresTable(String table, List<FieldSpec> fields) {
    int dot = table.indexOf('.');
    this.schema = dot < 0 ? null : table.substring(0, dot);
    this.name = dot < 0 ? table : table.substring(dot + 1);
    this.fields = List.copyOf(fields);
  }

  /** The table's schema, or null for the connection's current schema. */
  public String schema() {
    return schema;
  }

  public String name() {
    return name;
  }

  /** The table's name as SQL writes it, quoted. */
  public String qualifiedName() {
    return (schema == null ? "" : quote(schema) + ".") + quote(name);
  }

  public String createSql() {
    String columns = fields.stream().map(f -> quote(f.name()) + " " + ColumnType.of(f.type()).sql)
        .collect(Collectors.joining(", "));
    return "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (event_id text PRIMARY KEY, " + columns
        + ", received_at timestamptz NOT NULL DEFAULT now())";
  }

  /**
   * One row per event id. A redelivered event updates its row to what it carries now (the same
   * values, unless a stage changed its mind, say after a model swap) and keeps the first
   * {@code received_at}: the table holds one row per event, always the latest delivery's.
   */
  public String upsertSql() {
    String names = fields.stream().map(f -> quote(f.name())).collect(Collectors.joining(", "));
    String params = fields.stream().map(f -> "?").collect(Collectors.joining(", "));
    String updates = fields.stream().map(f -> quote(f.name()) + " = EXCLUDED." + quote(f.name()))
        .collect(Collectors.joining(", "));
    return "INSERT INTO " + qualifiedName() + " (event_id, " + names + ", received_at) VALUES (?, " + params
        + ", now()) ON CONFLICT (event_id) DO UPDATE SET " + updates;
  }

  /** The event's values, one per field in order (null where absent), typed for the columns. */
  public Object[] values(ObjectNode event) {
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      FieldSpec field = fields.get(i);
      JsonNode node = event.get(field.name());
      values[i] = node == null || node.isNull() ? null : ColumnType.of(field.type()).value(field.name(), node);
    }
    return values;
  }

  public List<FieldSpec> fields() {
    return fields;
  }

  /**
   * What is wrong with an existing table for this sink, or an empty list.
   *
   * @param columns the table's columns: name to {@link ExistingColumn}
   */
  public List<String> problems(Map<String, ExistingColumn> columns, boolean eventIdUnique) {
    List<String> problems = new ArrayList<>();
    check(problems, columns, "event_id", ColumnType.TEXT);
    fields.forEach(f -> check(problems, columns, f.name(), ColumnType.of(f.type())));
    check(problems, columns, "received_at", ColumnType.TIMESTAMPTZ);
    if (columns.containsKey("event_id") && !eventIdUnique) {
      problems.add("column event_id is not the primary key (nor alone in a unique index), so rows cannot be "
          + "upserted by it; make it the primary key");
    }
    Set<String> ours = fields.stream().map(FieldSpec::name).collect(Collectors.toSet());
    columns.forEach((column, existing) -> {
      if (!ours.contains(column) && !column.equals("event_id") && !column.equals("received_at")
          && existing.notNull() && !existing.hasDefault()) {
        problems.add("column " + column + " is NOT NULL without a default, and the sink does not write it; "
            + "drop NOT NULL or give it a default");
      }
    });
    return problems;
  }

  private static void check(List<String> problems, Map<String, ExistingColumn> columns, String column,
      ColumnType type) {
    ExistingColumn existing = columns.get(column);
    if (existing == null) {
      problems.add("column " + column + " is missing; add it: ALTER TABLE ... ADD COLUMN " + quote(column)
          + " " + type.sql);
    } else if (!type.accepts.contains(existing.dataType())) {
      problems.add("column " + column + " has the type " + existing.dataType() + " but the sink writes "
          + type.sql + " (accepted: " + String.join(", ", type.accepts) + ")");
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /**
   * A column of an existing table, from {@code information_schema.columns}.
   *
   * @param dataType as {@code data_type} names it, such as {@code double precision}
   */
  public record ExistingColumn(String dataType, boolean notNull, boolean hasDefault) {}

  /** The rejection of a value that does not fit its column, showing at most 60 characters of it. */
  static Rejection wrongType(String field, String expected, JsonNode value) {
    String shown = value.toString();
    return new Rejection(Rejection.WRONG_TYPE, "the field '" + field + "' should be " + expected + " but is "
        + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown));
  }
}
