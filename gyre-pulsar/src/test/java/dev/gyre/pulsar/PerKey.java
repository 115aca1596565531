package dev.gyre.pulsar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.core.event.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pulsar.client.api.Message;

/** Per-key sequence checks on output events carrying {@code deviceId} and {@code seq}. */
final class PerKey {
  private PerKey() {}

  /** Distinct sequence numbers seen. */
  static Set<Long> sequences(List<Message<byte[]>> messages) {
    Set<Long> seen = new TreeSet<>();
    messages.forEach(m -> seen.add(field(m, "seq").asLong()));
    return seen;
  }

  /**
   * Places where a key's sequence went backwards to a number not seen before for that key: a
   * reordering. Going back to an already seen number is a redelivered duplicate, allowed under
   * at-least-once.
   */
  static List<String> violations(List<Message<byte[]>> messages) {
    Map<String, Long> last = new HashMap<>();
    Map<String, Set<Long>> seen = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Message<byte[]> m : messages) {
      String key = field(m, "deviceId").asText();
      long seq = field(m, "seq").asLong();
      Long previous = last.get(key);
      Set<Long> keySeen = seen.computeIfAbsent(key, k -> new TreeSet<>());
      if (previous != null && seq < previous && !keySeen.contains(seq)) {
        problems.add(key + ": " + seq + " after " + previous);
      }
      keySeen.add(seq);
      last.put(key, Math.max(seq, previous == null ? seq : previous));
    }
    return problems;
  }

  private static JsonNode field(Message<byte[]> message, String name) {
    try {
      return EventCodec.mapper().readTree(message.getValue()).get(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
