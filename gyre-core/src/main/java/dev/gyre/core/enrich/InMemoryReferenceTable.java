package dev.gyre.core.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.core.event.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ReferenceTable} held in a map, for tests and the broker-less driver. Thread-safe: rows may
 * be put and removed while stages read.
 */
public final class InMemoryReferenceTable implements ReferenceTable {
  private final Map<String, JsonNode> rows = new ConcurrentHashMap<>();

  @Override
  public JsonNode get(String key) {
    return rows.get(key);
  }

  /** Puts (or replaces) the row under {@code key}; returns this table. */
  public InMemoryReferenceTable put(String key, JsonNode row) {
    rows.put(key, row.deepCopy());
    return this;
  }

  /** Puts the row written as JSON text, such as {@code {"site": "north"}}; returns this table. */
  public InMemoryReferenceTable put(String key, String json) {
    try {
      return put(key, EventCodec.mapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  /** Deletes the row under {@code key}, as a tombstone on the topic would. */
  public void remove(String key) {
    rows.remove(key);
  }

  /** How many rows the table holds. */
  public int size() {
    return rows.size();
  }
}
