package dev.gyre.spec;

import java.util.Objects;

/**
 * One declared field of the source events.
 *
 * @param name     the field's name in each event, used as is by formulas
 * @param type     the field's type
 * @param required whether an event without the field (or with {@code null}) is dead-lettered
 */
public record FieldSpec(String name, FieldType type, boolean required) {
  public FieldSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a field needs a name");
    }
  }
}
