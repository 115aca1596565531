package dev.gyre.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;

/**
 * The outside of a scenario, identical for all of them: a producer that sends the sensor events into
 * its input topic, and a consumer on its final topic that records each event's latency from the
 * intended send time (carried in the {@value #INTENDED} property, on this JVM's
 * {@link System#nanoTime()} scale) to its arrival.
 *
 * <p>The producer batches by key with a 1 ms delay, as {@code gyre demo}'s does. The consumer runs on
 * its own thread and acknowledges cumulatively. {@link #send} is called from one thread.
 */
public final class Probe implements AutoCloseable {
  /** The message property with the intended send time. */
  public static final String INTENDED = "bench.intended-ns";

  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

  private final List<SensorEvents.Event> events;
  private final Producer<byte[]> producer;
  private final Consumer<byte[]> consumer;
  private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong sendFailures = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong unstamped = new AtomicLong();
  private final Thread receiver;
  private volatile boolean running = true;

  public Probe(PulsarClient client, String inputTopic, String outputTopic, String subscription,
      List<SensorEvents.Event> events) throws PulsarClientException {
    this.events = List.copyOf(events);
    this.consumer = client.newConsumer(Schema.BYTES).topic(outputTopic).subscriptionName(subscription)
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe();
    this.producer = client.newProducer(Schema.BYTES).topic(inputTopic)
        .enableBatching(true).batcherBuilder(BatcherBuilder.KEY_BASED)
        .batchingMaxPublishDelay(1, TimeUnit.MILLISECONDS).batchingMaxMessages(1000)
        .blockIfQueueFull(true).create();
    this.receiver = new Thread(this::receive, "gyre-bench-probe");
    receiver.setDaemon(true);
    receiver.start();
  }

  /** Sends event {@code sequence} (cycling through the sensor events), stamped with its intended time. */
  public void send(long sequence, long intendedNanos) {
    SensorEvents.Event event = events.get((int) (sequence % events.size()));
    sent.incrementAndGet();
    producer.newMessage().key(event.key()).value(event.payload())
        .property(INTENDED, Long.toString(intendedNanos))
        .sendAsync()
        .exceptionally(e -> {
          sendFailures.incrementAndGet();
          return null;
        });
  }

  private void receive() {
    Message<byte[]> last = null;
    int unacknowledged = 0;
    while (running) {
      try {
        Message<byte[]> message = consumer.receive(100, TimeUnit.MILLISECONDS);
        long now = System.nanoTime();
        if (message == null) {
          if (last != null && unacknowledged > 0) {
            consumer.acknowledgeCumulativeAsync(last);
            unacknowledged = 0;
          }
          continue;
        }
        String intended = message.getProperty(INTENDED);
        if (intended == null) {
          unstamped.incrementAndGet();
        } else {
          latency.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (now - Long.parseLong(intended)) / 1000)));
        }
        received.incrementAndGet();
        last = message;
        if (++unacknowledged >= 1000) {
          consumer.acknowledgeCumulativeAsync(last);
          unacknowledged = 0;
        }
      } catch (PulsarClientException.AlreadyClosedException e) {
        return;
      } catch (PulsarClientException e) {
        // a transient client error: the unacknowledged messages are redelivered; keep receiving
      }
    }
  }

  /** Latency of the events that arrived since the previous call, in microseconds. */
  public Histogram takeLatency() {
    return latency.getIntervalHistogram();
  }

  public long sent() {
    return sent.get();
  }

  public long sendFailures() {
    return sendFailures.get();
  }

  public long received() {
    return received.get();
  }

  /** Arrivals without the intended-time property (the scenario dropped message properties). */
  public long unstamped() {
    return unstamped.get();
  }

  @Override
  public void close() {
    running = false;
    try {
      receiver.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (AutoCloseable c : new AutoCloseable[] {producer, consumer}) {
      try {
        c.close();
      } catch (Exception ignored) {
        // best effort
      }
    }
  }
}
