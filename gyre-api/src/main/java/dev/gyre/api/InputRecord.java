package dev.gyre.api;

import java.util.Map;
import java.util.Objects;

/**
 * One record handed to a {@link Stage}.
 *
 * @param key           the record's key (the entity it belongs to), or {@code null} if it has none
 * @param value         the payload bytes as received; the stage must not modify the array
 * @param eventTimeMillis event time in epoch milliseconds, or 0 when the producer set none
 * @param properties    the record's properties (read-only)
 */
public record InputRecord(String key, byte[] value, long eventTimeMillis, Map<String, String> properties) {
  public InputRecord {
    Objects.requireNonNull(value, "value");
    properties = properties == null ? Map.of() : properties;
  }

  /** A record with only a key and a value, as tests and replays create them. */
  public static InputRecord of(String key, byte[] value) {
    return new InputRecord(key, value, 0L, Map.of());
  }
}
