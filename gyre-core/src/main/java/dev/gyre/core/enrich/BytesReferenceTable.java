package dev.gyre.core.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gyre.core.event.EventCodec;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A {@link ReferenceTable} over a store of raw rows (such as a Pulsar table view): each row is parsed
 * as JSON once per stored version and reused until the store holds other bytes for the key. Thread-safe
 * when the store is.
 */
public final class BytesReferenceTable implements ReferenceTable {
  private final Function<String, byte[]> store;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  /** A parsed row and the bytes it was parsed from, compared by identity: a new version is a new array. */
  private record Parsed(byte[] bytes, JsonNode row) {}

  /** @param store the raw row under a key, or null (or an empty array, a tombstone) when there is none */
  public BytesReferenceTable(Function<String, byte[]> store) {
    this.store = store;
  }

  @Override
  public JsonNode get(String key) {
    byte[] bytes = store.apply(key);
    if (bytes == null || bytes.length == 0) {
      parsed.remove(key);
      return null;
    }
    Parsed cached = parsed.get(key);
    if (cached != null && cached.bytes() == bytes) {
      return cached.row();
    }
    JsonNode row = parse(bytes);
    parsed.put(key, new Parsed(bytes, row));
    return row;
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      JsonNode row = EventCodec.mapper().readTree(bytes);
      return row == null ? MissingNode.getInstance() : row;
    } catch (IOException notJson) {
      return MissingNode.getInstance();
    }
  }
}
