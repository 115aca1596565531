package dev.gyre.loop.internal;

import java.util.Map;
import java.util.Objects;

/**
 * One event the loop publishes: an evaluation, a decision or a drift alert (JSON), or an outcome it
 * could not read, unchanged, for the dead-letter topic.
 *
 * @param topic      where it goes
 * @param key        the message key, or null
 * @param payload    the bytes
 * @param properties message properties (the reason of a dead letter)
 */
public record Output(String topic, String key, byte[] payload, Map<String, String> properties) {
  public Output {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    properties = Map.copyOf(properties);
  }

  static Output json(String topic, String key, String json) {
    return new Output(topic, key, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
  }
}
