package dev.gyre.pulsar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;

/** Reads a topic from its beginning in tests. */
final class TopicReader {
  private TopicReader() {}

  /** Reads until {@code expected} messages arrived, then waits a little more to catch extras. */
  static List<Message<byte[]>> read(String topic, int expected, Duration timeout) throws PulsarClientException {
    return read(topic, expected, timeout, Duration.ofMillis(500));
  }

  /** Reads until at least {@code expected} distinct messages arrived, then drains for a second. */
  static List<Message<byte[]>> readAtLeast(String topic, int expected, Duration timeout) throws PulsarClientException {
    return read(topic, expected, timeout, Duration.ofSeconds(1));
  }

  private static List<Message<byte[]>> read(String topic, int expected, Duration timeout, Duration settle)
      throws PulsarClientException {
    List<Message<byte[]>> messages = new ArrayList<>();
    try (Consumer<byte[]> consumer = TestPulsar.client().newConsumer(Schema.BYTES).topic(topic)
        .subscriptionName("test-reader-" + System.nanoTime())
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (messages.size() < expected && System.nanoTime() < deadline) {
        Message<byte[]> m = consumer.receive(200, TimeUnit.MILLISECONDS);
        if (m != null) {
          messages.add(m);
        }
      }
      Message<byte[]> extra;
      while ((extra = consumer.receive((int) settle.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        messages.add(extra);
      }
    }
    return messages;
  }
}
