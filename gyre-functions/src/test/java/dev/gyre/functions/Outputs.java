package dev.gyre.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.functions.internal.MessageProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;

/** Reads what a stage wrote, and indexes it per input for comparison. */
final class Outputs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Outputs() {}

  /** Reads a topic from its beginning until {@code expected} messages arrived, then briefly for extras. */
  static List<Message<byte[]>> read(PulsarClient client, String topic, int expected) throws Exception {
    List<Message<byte[]>> messages = new ArrayList<>();
    try (Consumer<byte[]> consumer = client.newConsumer(Schema.BYTES).topic(topic)
        .subscriptionName("it-reader-" + System.nanoTime())
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (messages.size() < expected && System.nanoTime() < deadline) {
        Message<byte[]> m = consumer.receive(200, TimeUnit.MILLISECONDS);
        if (m != null) {
          messages.add(m);
        }
      }
      Message<byte[]> extra;
      while ((extra = consumer.receive(300, TimeUnit.MILLISECONDS)) != null) {
        messages.add(extra);
      }
    }
    return messages;
  }

  /** Outputs by the {@code ts} of the input they came from (each test input has its own). */
  static Map<Long, Message<byte[]>> byTs(List<Message<byte[]>> messages) {
    return messages.stream().collect(Collectors.toMap(m -> json(m).get("ts").asLong(), Function.identity(),
        (a, b) -> {
          throw new AssertionError("two outputs for ts " + json(a).get("ts"));
        }, TreeMap::new));
  }

  static Map<Long, JsonNode> json(Map<Long, Message<byte[]>> messages) {
    return messages.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> json(e.getValue())));
  }

  static Map<Long, String> keys(Map<Long, Message<byte[]>> messages) {
    return messages.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getKey()));
  }

  /** Dead letters by payload: the reason code. */
  static Map<String, String> reasons(List<Message<byte[]>> deadLetters) {
    return deadLetters.stream().collect(Collectors.toMap(Outputs::text, m -> m.getProperty(MessageProperties.REASON)));
  }

  /** Dead letters by payload: stage, reason, detail and key. */
  static Map<String, List<String>> deadLetters(List<Message<byte[]>> deadLetters) {
    return deadLetters.stream().collect(Collectors.toMap(Outputs::text, m -> List.of(
        m.getProperty(MessageProperties.STAGE), m.getProperty(MessageProperties.REASON),
        m.getProperty(MessageProperties.DETAIL), String.valueOf(m.getKey()))));
  }

  static JsonNode json(Message<byte[]> message) {
    try {
      return JSON.readTree(message.getValue());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text(message), e);
    }
  }

  static String text(Message<byte[]> message) {
    return new String(message.getValue(), StandardCharsets.UTF_8);
  }
}
