package dev.gyre.spec;

import java.util.Locale;

/** The type of a source field, as written in YAML by {@link #yamlName()}. */
public enum FieldType {
  STRING,
  INT,
  LONG,
  FLOAT,
  DOUBLE,
  BOOLEAN;

  /** The name used in YAML: {@code string}, {@code int}, {@code long}, {@code float}, ... */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
