package dev.gyre.sinks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.core.event.Rejection;
import dev.gyre.spec.FieldType;
import java.sql.Types;
import java.util.List;

/** The PostgreSQL column type for each field type, the types an existing column may have instead, and the values. */
enum ColumnType {
  TEXT("text", Types.VARCHAR, List.of("text", "character varying")),
  BIGINT("bigint", Types.BIGINT, List.of("bigint", "numeric")),
  DOUBLE("double precision", Types.DOUBLE, List.of("double precision", "numeric")),
  BOOLEAN("boolean", Types.BOOLEAN, List.of("boolean")),
  TIMESTAMPTZ("timestamptz", Types.TIMESTAMP_WITH_TIMEZONE, List.of("timestamp with time zone"));

  final String sql;
  final int jdbcType;
  final List<String> accepts;

  ColumnType(String sql, int jdbcType, List<String> accepts) {
    this.sql = sql;
    this.jdbcType = jdbcType;
    this.accepts = accepts;
  }

  static ColumnType of(FieldType type) {
    return switch (type) {
      case STRING -> TEXT;
      case INT, LONG -> BIGINT;
      case FLOAT, DOUBLE -> DOUBLE;
      case BOOLEAN -> BOOLEAN;
    };
  }

  /** The JDBC value of a non-null JSON value; throws a {@code wrong-type} {@link Rejection} when it does not fit. */
  Object value(String field, JsonNode node) {
    switch (this) {
      case TEXT -> {
        if (!node.isTextual()) {
          throw PostgresTable.wrongType(field, "a string", node);
        }
        if (node.textValue().indexOf('\0') >= 0) {
          throw new Rejection(Rejection.WRONG_TYPE, "the field '" + field + "' holds a NUL character, which "
              + "PostgreSQL text cannot store");
        }
        return node.textValue();
      }
      case BIGINT -> {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
          return node.longValue();
        }
        double d = node.isNumber() ? node.doubleValue() : Double.NaN;
        if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
          return (long) d;
        }
        throw PostgresTable.wrongType(field, "a whole number that fits in a bigint", node);
      }
      case DOUBLE -> {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
          throw PostgresTable.wrongType(field, "a finite number", node);
        }
        return node.doubleValue();
      }
      case BOOLEAN -> {
        if (!node.isBoolean()) {
          throw PostgresTable.wrongType(field, "a boolean", node);
        }
        return node.booleanValue();
      }
      default -> throw new IllegalStateException("no values of " + this);
    }
  }
}
