package dev.gyre.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.core.event.EventCodec;
import dev.gyre.pulsar.TestPulsar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;

/** Reads a prediction topic from its beginning on a thread of its own, for as long as a test needs. */
final class Predictions implements AutoCloseable {
  /** One prediction: its key, sequence number, the model version that made it, and when the broker stored it. */
  record Prediction(String key, long seq, String version, long publishTime) {}

  private final List<Prediction> seen = new CopyOnWriteArrayList<>();
  private final Consumer<byte[]> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  Predictions(String topic) throws PulsarClientException {
    consumer = TestPulsar.client().newConsumer(Schema.BYTES).topic(topic).subscriptionName("test-" + System.nanoTime())
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe();
    thread = new Thread(this::run, "predictions");
    thread.start();
  }

  private void run() {
    while (running) {
      try {
        Message<byte[]> m = consumer.receive(100, TimeUnit.MILLISECONDS);
        if (m != null) {
          JsonNode event = EventCodec.mapper().readTree(m.getValue());
          seen.add(new Prediction(event.get("deviceId").asText(), event.get("seq").asLong(),
              event.get("model_version").asText(), m.getPublishTime()));
          consumer.acknowledge(m);
        }
      } catch (PulsarClientException e) {
        return;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  List<Prediction> seen() {
    return List.copyOf(seen);
  }

  /** Waits until {@code n} predictions arrived, or the timeout passed; returns them. */
  List<Prediction> await(int n, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (seen.size() < n && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    return seen();
  }

  /** The first prediction after {@code from} (by arrival) made by {@code version}, waiting up to the timeout. */
  Prediction awaitVersion(String version, int from, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      List<Prediction> now = seen();
      for (int i = from; i < now.size(); i++) {
        if (now.get(i).version().equals(version)) {
          return now.get(i);
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no prediction by version " + version + " within " + timeoutMillis + " ms");
  }

  @Override
  public void close() throws Exception {
    running = false;
    thread.join(5000);
    consumer.close();
  }
}
