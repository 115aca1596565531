package dev.gyre.cli.internal;

import dev.gyre.pulsar.Properties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;

/**
 * Watches a pipeline from the outside: counts what reaches its final topic and its dead-letter
 * topics, and measures end-to-end latency (from the {@code gyre.ingest-ms} property to arrival
 * here) in an HdrHistogram.
 */
public final class Tail implements AutoCloseable {
  private final List<Consumer<byte[]>> consumers = new ArrayList<>();
  private final AtomicLong outputs = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final Map<String, AtomicLong> byReason = new ConcurrentHashMap<>();
  private final Recorder latency = new Recorder(3);
  private final Histogram total = new Histogram(3);
  private final Histogram steady = new Histogram(3);
  private volatile boolean warm;
  private volatile String lastOutput;

  public Tail(PulsarClient client, String finalTopic, List<String> deadLetterTopics, String subscription)
      throws PulsarClientException {
    consumers.add(subscribe(client, finalTopic, subscription, this::onOutput));
    for (String topic : deadLetterTopics) {
      consumers.add(subscribe(client, topic, subscription, this::onDeadLetter));
    }
  }

  private static Consumer<byte[]> subscribe(PulsarClient client, String topic, String subscription,
      java.util.function.Consumer<Message<byte[]>> handler) throws PulsarClientException {
    return client.newConsumer(Schema.BYTES).topic(topic).subscriptionName(subscription)
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
        .messageListener((consumer, message) -> {
          handler.accept(message);
          consumer.acknowledgeAsync(message);
        })
        .subscribe();
  }

  private void onOutput(Message<byte[]> message) {
    String ingest = message.getProperty(Properties.INGEST_MILLIS);
    if (ingest != null) {
      latency.recordValue(Math.max(0, System.currentTimeMillis() - Long.parseLong(ingest)));
    }
    lastOutput = new String(message.getValue(), StandardCharsets.UTF_8);
    outputs.incrementAndGet();
  }

  private void onDeadLetter(Message<byte[]> message) {
    String key = message.getProperty(Properties.STAGE) + ": " + message.getProperty(Properties.REASON);
    byReason.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    deadLetters.incrementAndGet();
  }

  public long outputs() {
    return outputs.get();
  }

  public long deadLetters() {
    return deadLetters.get();
  }

  /** Dead letters by "stage: reason", sorted. */
  public Map<String, Long> deadLettersByReason() {
    Map<String, Long> sorted = new TreeMap<>();
    byReason.forEach((k, v) -> sorted.put(k, v.get()));
    return sorted;
  }

  public String lastOutput() {
    return lastOutput;
  }

  /** Latency of outputs since the previous call (for live progress), also added to the total. */
  public synchronized Histogram interval() {
    Histogram interval = latency.getIntervalHistogram();
    total.add(interval);
    if (warm) {
      steady.add(interval);
    }
    return interval;
  }

  /** From now on, latency also counts towards {@link #steady()}. */
  public synchronized void warmedUp() {
    interval();
    warm = true;
  }

  /** Latency of all outputs so far. */
  public synchronized Histogram total() {
    interval();
    return total.copy();
  }

  /** Latency of the outputs since {@link #warmedUp()}. */
  public synchronized Histogram steady() {
    interval();
    return steady.copy();
  }

  @Override
  public void close() {
    for (Consumer<byte[]> consumer : consumers) {
      try {
        consumer.close();
      } catch (PulsarClientException ignored) {
        // best effort
      }
    }
  }
}
