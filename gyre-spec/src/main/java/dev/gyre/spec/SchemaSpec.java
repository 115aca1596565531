package dev.gyre.spec;

import java.util.List;
import java.util.Objects;

/**
 * The shape of source events.
 *
 * @param format          how events are encoded
 * @param fields          the declared fields in spec order, at least one, names unique
 * @param maxMessageBytes the largest event accepted, in bytes, at least 1; larger ones are dead-lettered
 */
public record SchemaSpec(SchemaFormat format, List<FieldSpec> fields, int maxMessageBytes) {
  public SchemaSpec {
    Objects.requireNonNull(format, "format");
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a schema needs at least one field");
    }
    if (fields.stream().map(FieldSpec::name).distinct().count() != fields.size()) {
      throw new IllegalArgumentException("field names must be unique: " + fields);
    }
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be at least 1, was " + maxMessageBytes);
    }
  }
}
