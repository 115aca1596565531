package dev.gyre.registry;

import dev.gyre.pulsar.TestPulsar;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;

/**
 * Sends events {@code {deviceId, seq, x, y}} with a global sequence number; event {@code seq} has
 * the key {@code d<seq % keys>}. Sends a steady stream from a thread of its own, or a fixed batch.
 */
final class Events implements AutoCloseable {
  private final Producer<byte[]> producer;
  private final int keys;
  private final AtomicInteger next = new AtomicInteger();
  private final Random random = new Random(7);
  private volatile boolean streaming;
  private Thread thread;

  Events(String topic, int keys) throws PulsarClientException {
    this.keys = keys;
    // Key-based batching, as Pulsar requires of producers feeding a Key_Shared subscription.
    this.producer = TestPulsar.client().newProducer(Schema.BYTES).topic(topic)
        .batcherBuilder(BatcherBuilder.KEY_BASED).create();
  }

  /** Sends about {@code perSecond} events a second until {@link #stop}. */
  void stream(int perSecond) {
    streaming = true;
    thread = new Thread(() -> {
      long start = System.nanoTime();
      while (streaming) {
        long due = (long) (next.get() * 1e9 / perSecond);
        long wait = due - (System.nanoTime() - start);
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
          continue;
        }
        sendOne();
      }
    }, "events");
    thread.start();
  }

  /** Stops the stream, flushes, and returns how many events were sent in all. */
  int stop() throws Exception {
    streaming = false;
    if (thread != null) {
      thread.join(5000);
    }
    producer.flush();
    return next.get();
  }

  /** Sends {@code n} events now. */
  void send(int n) throws PulsarClientException {
    for (int i = 0; i < n; i++) {
      sendOne();
    }
    producer.flush();
  }

  private void sendOne() {
    int seq = next.getAndIncrement();
    String key = "d" + (seq % keys);
    String json = String.format(java.util.Locale.ROOT, "{\"deviceId\": \"%s\", \"seq\": %d, \"x\": %.3f, \"y\": %.3f}", key, seq,
        random.nextGaussian(), random.nextGaussian());
    producer.newMessage().key(key).value(json.getBytes(StandardCharsets.UTF_8)).sendAsync();
  }

  @Override
  public void close() throws Exception {
    streaming = false;
    producer.close();
  }
}
