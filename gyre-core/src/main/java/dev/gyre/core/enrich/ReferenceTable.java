package dev.gyre.core.enrich;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A table of reference rows by key, such as device metadata, that may change while a pipeline runs.
 * Stage threads call {@link #get} for every event they enrich, concurrently with updates, so an
 * implementation must be thread-safe and should answer from memory. A lookup sees the table as it is
 * at that moment: there is no snapshot across lookups.
 */
public interface ReferenceTable {

  /**
   * The row held under {@code key}.
   *
   * @param key the row's key, never null
   * @return null when the table has no row for the key; a {@link com.fasterxml.jackson.databind.node.MissingNode}
   *         when the stored row is not valid JSON; otherwise the row as stored, which should be a JSON
   *         object but may be any JSON value. Callers must not modify it.
   */
  JsonNode get(String key);
}
