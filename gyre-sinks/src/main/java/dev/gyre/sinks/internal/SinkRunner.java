package dev.gyre.sinks.internal;

import dev.gyre.api.StageException;
import dev.gyre.core.event.Rejection;
import dev.gyre.pulsar.Properties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.apache.pulsar.client.api.TypedMessageBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sink: a thread receives batches (up to {@code batchSize} messages, waiting at most
 * {@value #LINGER_MILLIS} ms after the first) from a Shared subscription, reads each as an event,
 * hands the batch to the {@link SinkWriter}, sends what cannot be written to the dead-letter topic
 * with the reason, and only then acknowledges the batch. A failed write negatively acknowledges the
 * whole batch, so it is redelivered, and backs off (100 ms doubling to 10 s); nothing unwritten is
 * ever acknowledged.
 */
public final class SinkRunner implements AutoCloseable {
  static final int LINGER_MILLIS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);
  private static final Backoff RETRY = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

  private final PulsarClient client;
  private final SinkBinding binding;
  private final EventMapper mapper;
  private final SinkWriter writer;
  private final SinkMetrics metrics;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean running;
  private Consumer<byte[]> consumer;
  private Producer<byte[]> deadLetters;
  private Thread thread;
  private int failures;

  public SinkRunner(PulsarClient client, SinkBinding binding, EventMapper mapper, SinkWriter writer,
      SinkMetrics metrics) {
    this.client = client;
    this.binding = binding;
    this.mapper = mapper;
    this.writer = writer;
    this.metrics = metrics;
  }

  /** Subscribes and starts the sink thread; the writer must be open. */
  public void start() {
    try {
      deadLetters = client.newProducer(Schema.BYTES).topic(binding.deadLetterTopic()).blockIfQueueFull(true).create();
      consumer = client.newConsumer(Schema.BYTES).topic(binding.inputTopic())
          .subscriptionName(binding.subscription())
          .subscriptionType(SubscriptionType.Shared)
          .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
          .receiverQueueSize(binding.receiverQueueSize())
          .negativeAckRedeliveryDelay(1, TimeUnit.SECONDS)
          .consumerName(binding.sink())
          .subscribe();
    } catch (PulsarClientException e) {
      stop(Duration.ZERO);
      throw new StageException("sink '" + binding.sink() + "' cannot connect to " + binding.inputTopic() + ": "
          + e.getMessage(), true, e);
    }
    running = true;
    thread = new Thread(this::loop, "gyre-sink-" + binding.sink());
    thread.start();
  }

  private void loop() {
    try {
      while (running) {
        List<Message<byte[]>> batch = receive();
        if (!batch.isEmpty()) {
          handle(batch);
        }
      }
    } catch (PulsarClientException e) {
      if (running) {
        running = false;
        failure.compareAndSet(null, e);
        LOG.error("sink '{}' lost its input {}: {}", binding.sink(), binding.inputTopic(), e.getMessage());
      }
    }
  }

  private List<Message<byte[]>> receive() throws PulsarClientException {
    List<Message<byte[]>> batch = new ArrayList<>();
    Message<byte[]> message = consumer.receive(100, TimeUnit.MILLISECONDS);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
    while (message != null) {
      batch.add(message);
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (batch.size() >= binding.batchSize() || !running) {
        break;
      }
      message = consumer.receive((int) Math.max(0, left), TimeUnit.MILLISECONDS);
    }
    return batch;
  }

  private void handle(List<Message<byte[]>> batch) throws PulsarClientException {
    List<SinkEvent> events = new ArrayList<>(batch.size());
    Map<SinkEvent, Message<byte[]>> origin = new IdentityHashMap<>();
    List<CompletableFuture<MessageId>> sends = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Message<byte[]> message : batch) {
      try {
        SinkEvent event = mapper.map(message.getValue(), message.getProperties(), message.getMessageId().toString());
        events.add(event);
        origin.put(event, message);
      } catch (Rejection r) {
        sends.add(deadLetter(message, r.reason(), r.getMessage()));
        reasons.add(r.reason());
      }
    }
    SinkWriter.Result result;
    long started = System.nanoTime();
    try {
      result = events.isEmpty() ? new SinkWriter.Result(List.of(), 0) : writer.write(events);
      metrics.writeTime().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      for (SinkWriter.Rejected rejected : result.rejected()) {
        sends.add(deadLetter(origin.get(rejected.event()), rejected.reason(), rejected.detail()));
        reasons.add(rejected.reason());
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) { // RetryLater, a failed dead-letter send, or a bug: redeliver, never drop
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      batch.forEach(consumer::negativeAcknowledge);
      metrics.retried();
      LOG.warn("sink '{}' will retry {} events: {}", binding.sink(), batch.size(), e.getMessage());
      RETRY.sleep(failures++, () -> running);
      return;
    }
    failures = 0;
    consumer.acknowledge(batch.stream().map(Message::getMessageId).toList());
    metrics.handled(events.size() - result.rejected().size() - result.skipped(), result.skipped());
    reasons.forEach(metrics::deadLettered);
  }

  private CompletableFuture<MessageId> deadLetter(Message<byte[]> message, String reason, String detail) {
    Map<String, String> why = new HashMap<>(message.getProperties());
    why.put(Properties.SINK, binding.sink());
    why.put(Properties.REASON, reason);
    why.put(Properties.DETAIL, detail == null ? "" : detail);
    why.put(Properties.SOURCE_TOPIC, message.getTopicName());
    why.put(Properties.SOURCE_MESSAGE_ID, message.getMessageId().toString());
    TypedMessageBuilder<byte[]> out = deadLetters.newMessage().value(message.getValue()).properties(why);
    if (message.hasKey()) {
      out.key(message.getKey());
    }
    return out.sendAsync();
  }

  /** Whether the sink runs: false once {@link #stop} was called or its input was lost. */
  public boolean isRunning() {
    return running;
  }

  /** The error that stopped this sink, or {@code null} while it runs or after a clean stop. */
  public Throwable failure() {
    return failure.get();
  }

  /** Stops after the batch at hand (waiting up to {@code timeout}), and closes. Idempotent. */
  public void stop(Duration timeout) {
    running = false;
    try {
      if (thread != null) {
        thread.join(Math.max(1, timeout.toMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (AutoCloseable c : new AutoCloseable[] {consumer, deadLetters, writer}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // closing is best effort; unacknowledged events are redelivered
      }
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
