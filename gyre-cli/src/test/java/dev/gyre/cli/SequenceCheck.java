package dev.gyre.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-key sequence checks on a pipeline's outputs, in the order they were stored.
 *
 * @param distinct    distinct (key, sequence) pairs
 * @param duplicates  outputs beyond the first of their pair (redeliveries: at-least-once)
 * @param missing     pairs that never arrived, as {@code key/seq}
 * @param violations  places where a key's sequence number arrived for the first time after a higher
 *                    one had arrived: a reordering. Arriving again after a higher one is a duplicate.
 * @param wrongValues outputs whose features do not follow from their own input's {@code temp}
 */
record SequenceCheck(int distinct, int duplicates, List<String> missing, List<String> violations,
    List<String> wrongValues) {

  /** Checks outputs of keys {@code k0..k<keys-1>} with sequences {@code 0..perKey-1} and temp = seq % 50. */
  static SequenceCheck of(List<JsonNode> outputs, int keys, int perKey) {
    Map<String, Long> highest = new HashMap<>();
    Set<String> seen = new HashSet<>();
    List<String> violations = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (JsonNode event : outputs) {
      String key = event.get("deviceId").asText();
      long seq = event.get("seq").asLong();
      String pair = key + "/" + seq;
      Long high = highest.get(key);
      if (high != null && seq < high && !seen.contains(pair)) {
        violations.add(pair + " after " + key + "/" + high);
      }
      seen.add(pair);
      highest.put(key, high == null ? seq : Math.max(high, seq));
      double scaled = ((seq % 50) - 20) / 10.0;
      if (event.get("temp").asDouble() != seq % 50 || event.get("temp_scaled").asDouble() != scaled
          || event.get("hot").asBoolean() != scaled > 1.5) {
        wrong.add(event.toString());
      }
    }
    List<String> missing = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      for (int seq = 0; seq < perKey; seq++) {
        if (!seen.contains("k" + k + "/" + seq)) {
          missing.add("k" + k + "/" + seq);
        }
      }
    }
    return new SequenceCheck(seen.size(), outputs.size() - seen.size(), missing, violations, wrong);
  }
}
