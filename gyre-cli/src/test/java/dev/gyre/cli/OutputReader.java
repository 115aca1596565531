package dev.gyre.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;

/** Reads a topic of events carrying {@code deviceId} and {@code seq} from its beginning, in order. */
final class OutputReader {
  private OutputReader() {}

  /**
   * Reads until every pair of key {@code k0..k<keys-1>} and sequence {@code 0..perKey-1} arrived
   * (or the timeout passed), then until nothing arrives for 3 s, to catch late duplicates.
   */
  static List<JsonNode> readAllPairs(PulsarClient client, String topic, int keys, int perKey, Duration timeout)
      throws PulsarClientException {
    List<JsonNode> events = new ArrayList<>();
    Set<String> distinct = new HashSet<>();
    try (Consumer<byte[]> consumer = client.newConsumer(Schema.BYTES).topic(topic)
        .subscriptionName("cluster-it-reader").subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
        .subscribe()) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (distinct.size() < keys * perKey && System.nanoTime() < deadline) {
        Message<byte[]> m = consumer.receive(500, TimeUnit.MILLISECONDS);
        if (m != null) {
          JsonNode event = ClusterIT.json(m.getValue());
          events.add(event);
          distinct.add(event.get("deviceId").asText() + "/" + event.get("seq").asLong());
          consumer.acknowledge(m);
        }
      }
      Message<byte[]> late;
      while ((late = consumer.receive(3, TimeUnit.SECONDS)) != null) {
        events.add(ClusterIT.json(late.getValue()));
        consumer.acknowledge(late);
      }
    }
    return events;
  }
}
