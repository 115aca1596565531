package dev.gyre.spec;

import java.util.Locale;

/** How source events are encoded. Only JSON for now; {@code avro} is reserved for later. */
public enum SchemaFormat {
  /** One JSON object per message, UTF-8. */
  JSON;

  /** The name used in YAML, such as {@code json}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
