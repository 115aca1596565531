package dev.gyre.pulsar;

import dev.gyre.api.InputRecord;
import dev.gyre.api.Outcome;
import dev.gyre.api.Stage;
import dev.gyre.api.StageContext;
import dev.gyre.api.StageException;
import dev.gyre.core.event.Rejection;
import dev.gyre.core.metrics.StageMetrics;
import dev.gyre.core.window.StatefulStage;
import dev.gyre.pulsar.internal.JsonBytesSchema;
import dev.gyre.pulsar.internal.StateChangelog;
import dev.gyre.spec.ErrorPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.ProducerBuilder;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.apache.pulsar.client.api.TypedMessageBuilder;

/**
 * Runs one instance of a {@link Stage} on the Pulsar Java client: one thread receives from a
 * Key_Shared subscription, calls the stage, and sends the output (or the dead letter)
 * asynchronously; the input is acknowledged only once that send is persisted, so delivery is
 * at-least-once and per-key order follows the input's.
 *
 * <p>Micro-batching: the stage thread hands the stage up to {@code runtime.microBatchEvents} inputs
 * in one {@link Stage#processBatch} call (one model call for a score stage): those that have already
 * arrived, plus, if {@code runtime.microBatchWait} is set, those arriving within that wait. Outcomes
 * are sent in input order, so per-key order holds.
 *
 * <p>Batching: outputs are batched by key for up to {@code runtime.batchDelay}, but once the stage has
 * handled every input that has already arrived it flushes its producers, so an idle stage adds no
 * batching delay and batches grow with the load.
 *
 * <p>State: a {@link StatefulStage} (a features stage with windows) gets each input's position and
 * keeps its per-key state on a compacted changelog ({@link StateChangelog}). For such a stage the
 * inputs of a micro-batch are acknowledged together, only once their outputs and then the states of
 * the keys they changed are persisted: after a crash the restored state includes exactly the inputs
 * that were acknowledged, and an input redelivered though its state was saved is not counted again.
 * Late events go to the stage's late topic when it has one.
 *
 * <p>Flow control comes from the producer: when {@code maxPendingMessages} sends are in flight,
 * {@code sendAsync} blocks the stage thread, which stops receiving, and the broker stops
 * dispatching once the receiver queue is full. {@link #stop} finishes the event at hand, flushes,
 * waits for every pending acknowledgement and closes; events received but not yet processed are
 * redelivered to the next consumer of the subscription.
 */
public final class StageRunner implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);

  private final PulsarClient client;
  private final StageBinding binding;
  private final Stage stage;
  private final StageMetrics metrics;
  private final Clock clock;
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean running;
  private Consumer<byte[]> consumer;
  private Producer<byte[]> producer;
  private Producer<byte[]> deadLetters;
  private Producer<byte[]> late;
  private StateChangelog changelog;
  private Thread thread;
  private boolean batching;
  private boolean outputsUnflushed;
  private boolean deadLettersUnflushed;

  public StageRunner(PulsarClient client, StageBinding binding, Stage stage, StageMetrics metrics, Clock clock) {
    this.client = client;
    this.binding = binding;
    this.stage = stage;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Connects, initialises the stage and starts the stage thread. */
  public void start() {
    try {
      producer = producer(binding.outputTopic(), binding.outputSchema() == null
          ? Schema.BYTES : JsonBytesSchema.of(binding.outputSchema()));
      deadLetters = producer(binding.deadLetterTopic(), Schema.BYTES);
      if (binding.lateTopic() != null) {
        late = producer(binding.lateTopic(), Schema.BYTES);
      }
      consumer = client.newConsumer(Schema.BYTES)
          .topic(binding.inputTopic())
          .subscriptionName(binding.subscription())
          .subscriptionType(SubscriptionType.Key_Shared)
          .subscriptionInitialPosition(binding.fromLatest()
              ? SubscriptionInitialPosition.Latest : SubscriptionInitialPosition.Earliest)
          .receiverQueueSize(binding.runtime().receiverQueueSize())
          .negativeAckRedeliveryDelay(1, TimeUnit.SECONDS)
          .consumerName(binding.stage() + "-" + binding.instance())
          .subscribe();
    } catch (PulsarClientException e) {
      closeQuietly();
      throw new StageException("stage '" + binding.stage() + "' cannot connect to " + binding.inputTopic()
          + ": " + e.getMessage(), true, e);
    }
    if (stage instanceof StatefulStage stateful && binding.stateTopic() != null) {
      try {
        changelog = StateChangelog.open(client, binding.stateTopic(), stateful,
            binding.stage() + "-" + binding.instance());
      } catch (RuntimeException e) {
        closeQuietly();
        throw e;
      }
    }
    stage.init(StageContext.of(binding.pipeline(), binding.stage(), binding.instance(), clock));
    running = true;
    thread = new Thread(this::loop, "gyre-" + binding.stage() + "-" + binding.instance());
    thread.start();
  }

  private Producer<byte[]> producer(String topic, Schema<byte[]> schema) throws PulsarClientException {
    long delayMicros = binding.runtime().batchDelay().toNanos() / 1_000;
    ProducerBuilder<byte[]> builder = client.newProducer(schema)
        .topic(topic)
        .blockIfQueueFull(true)
        .maxPendingMessages(binding.runtime().maxPendingMessages());
    if (delayMicros == 0) {
      return builder.enableBatching(false).create();
    }
    batching = true;
    builder.enableBatching(true)
        .batcherBuilder(BatcherBuilder.KEY_BASED)
        .batchingMaxMessages(1000);
    if (delayMicros >= 1_000) {
      builder.batchingMaxPublishDelay(delayMicros, TimeUnit.MICROSECONDS);
    } else {
      // The builder refuses delays under 1 ms; the client itself runs its batch timer in microseconds.
      builder.loadConf(Map.of("batchingMaxPublishDelayMicros", delayMicros));
    }
    return builder.create();
  }

  private void loop() {
    int maxBatch = binding.runtime().microBatchEvents();
    long waitNanos = binding.runtime().microBatchWait().toNanos();
    List<Message<byte[]>> batch = new ArrayList<>(maxBatch);
    try {
      while (running) {
        Message<byte[]> message = consumer.receive((int) POLL.toMillis(), TimeUnit.MILLISECONDS);
        // Handle everything that has already arrived, then hand the batch to the broker at once
        // rather than waiting for the batch timer: an idle stage adds no batching delay, and under
        // load batches grow with the bursts (up to batchDelay and 1000 messages).
        while (message != null && running) {
          if (maxBatch == 1 && changelog == null) {
            handle(message);
          } else {
            batch.add(message);
            fill(batch, maxBatch, waitNanos);
            handle(batch);
            batch.clear();
          }
          message = consumer.receive(0, TimeUnit.MILLISECONDS);
        }
        flushSent();
      }
    } catch (PulsarClientException e) {
      if (running) {
        fail(new StageException("stage '" + binding.stage() + "' lost its input: " + e.getMessage(), true, e));
      }
    } catch (RuntimeException | Error e) {
      fail(e);
    }
  }

  /** Adds what has arrived (and, with a wait, what arrives within it) up to {@code max} messages. */
  private void fill(List<Message<byte[]>> batch, int max, long waitNanos) throws PulsarClientException {
    long deadline = System.nanoTime() + waitNanos;
    while (batch.size() < max) {
      Message<byte[]> next = consumer.receive(0, TimeUnit.MILLISECONDS);
      if (next == null && waitNanos > 0) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          next = consumer.receive((int) Math.min(Integer.MAX_VALUE, left / 1_000), TimeUnit.MICROSECONDS);
        }
      }
      if (next == null) {
        return;
      }
      batch.add(next);
    }
  }

  private void handle(Message<byte[]> message) {
    metrics.received();
    InputRecord record = record(message);
    long started = System.nanoTime();
    Outcome outcome = processOne(record);
    metrics.processed(System.nanoTime() - started);
    route(message, record, outcome);
  }

  private void handle(List<Message<byte[]>> messages) throws PulsarClientException {
    if (changelog != null) {
      handleStateful(messages);
      return;
    }
    List<InputRecord> records = new ArrayList<>(messages.size());
    for (Message<byte[]> message : messages) {
      metrics.received();
      records.add(record(message));
    }
    long started = System.nanoTime();
    List<Outcome> outcomes;
    try {
      outcomes = stage.processBatch(records);
      if (outcomes.size() != records.size()) {
        throw new IllegalStateException("processBatch returned " + outcomes.size() + " outcomes for "
            + records.size() + " records");
      }
    } catch (RuntimeException e) {
      // One record may be at fault: process them one by one so only its outcome is a dead letter.
      outcomes = records.stream().map(this::processOne).toList();
    }
    long perEvent = (System.nanoTime() - started) / records.size();
    for (int i = 0; i < records.size() && running; i++) {
      metrics.processed(perEvent);
      route(messages.get(i), records.get(i), outcomes.get(i));
    }
  }

  /**
   * Processes a micro-batch of a stateful stage: catch up on states other instances wrote, apply
   * the inputs at their positions, then route them as one {@link AckGroup}.
   */
  private void handleStateful(List<Message<byte[]>> messages) throws PulsarClientException {
    if (changelog.mustCatchUp(messages.stream().map(Message::getKey).toList())) {
      changelog.awaitCaughtUp(Duration.ofSeconds(30));
    }
    StatefulStage stateful = (StatefulStage) stage;
    List<InputRecord> records = new ArrayList<>(messages.size());
    List<Outcome> outcomes = new ArrayList<>(messages.size());
    long started = System.nanoTime();
    for (Message<byte[]> message : messages) {
      metrics.received();
      InputRecord record = record(message);
      records.add(record);
      Outcome outcome;
      try {
        outcome = stateful.process(record, StateChangelog.position(message.getMessageId()));
      } catch (RuntimeException e) {
        outcome = Outcome.deadLetter("stage-error", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      outcomes.add(outcome);
    }
    AckGroup group = new AckGroup(messages, changelog.snapshot());
    long perEvent = (System.nanoTime() - started) / records.size();
    for (int i = 0; i < records.size(); i++) {
      metrics.processed(perEvent);
      if (!route(messages.get(i), records.get(i), outcomes.get(i), group)) {
        group.abandon();
        return;
      }
    }
  }

  /**
   * The inputs of one stateful micro-batch: acknowledged together once every output is persisted
   * and then the changed keys' states are, negatively acknowledged together if any send fails.
   */
  private final class AckGroup {
    private final List<MessageId> inputs;
    private final List<StateChangelog.Snapshot> snapshots;
    private int outstanding;
    private boolean failed;

    AckGroup(List<Message<byte[]>> messages, List<StateChangelog.Snapshot> snapshots) {
      this.inputs = messages.stream().map(Message::getMessageId).toList();
      this.snapshots = snapshots;
      this.outstanding = messages.size();
      inFlight.incrementAndGet();
    }

    /** One output or dead letter of the group was persisted ({@code ok}) or not. */
    synchronized void sent(boolean ok) {
      failed |= !ok;
      if (--outstanding > 0) {
        return;
      }
      if (failed) {
        inputs.forEach(consumer::negativeAcknowledge);
        inFlight.decrementAndGet();
        return;
      }
      changelog.write(snapshots).whenComplete((done, error) -> {
        if (error == null) {
          consumer.acknowledgeAsync(inputs);
        } else {
          inputs.forEach(consumer::negativeAcknowledge);
        }
        inFlight.decrementAndGet();
      });
    }

    /** The stage stopped before routing every input: none is acknowledged, all are redelivered. */
    synchronized void abandon() {
      failed = true;
      outstanding = Integer.MAX_VALUE;
      inFlight.decrementAndGet();
    }
  }

  private static InputRecord record(Message<byte[]> message) {
    return new InputRecord(message.getKey(), message.getValue(), message.getEventTime(), message.getProperties());
  }

  private Outcome processOne(InputRecord record) {
    try {
      return stage.process(record);
    } catch (RuntimeException e) {
      return Outcome.deadLetter("stage-error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void route(Message<byte[]> message, InputRecord record, Outcome outcome) {
    route(message, record, outcome, null);
  }

  /** Sends the outcome; false when the stage must stop (a rejection under {@code onError: fail}). */
  private boolean route(Message<byte[]> message, InputRecord record, Outcome outcome, AckGroup group) {
    Map<String, String> inputProperties = record.properties();
    // The input's properties go out unchanged (no copy) once they carry the ingest time, as they do
    // after the first stage; parsed here, on the stage thread, not in the send callback.
    Map<String, String> properties = inputProperties;
    String ingestText = inputProperties.get(Properties.INGEST_MILLIS);
    long ingest;
    if (ingestText == null) {
      ingest = message.getPublishTime();
      properties = new HashMap<>(inputProperties);
      properties.put(Properties.INGEST_MILLIS, Long.toString(ingest));
      properties.putIfAbsent(Properties.EVENT_ID, message.getMessageId().toString());
    } else {
      ingest = parseMillis(ingestText);
    }
    if (outcome instanceof Outcome.Emit emit) {
      TypedMessageBuilder<byte[]> out = producer.newMessage().value(emit.value()).properties(properties);
      send(out, emit.key() != null ? emit.key() : message.getKey(), message, ingest, null, group);
      outputsUnflushed = true;
    } else if (outcome instanceof Outcome.DeadLetter dead) {
      if (binding.onError() == ErrorPolicy.FAIL) {
        fail(new StageException("stage '" + binding.stage() + "' rejected message " + message.getMessageId()
            + " (" + dead.reason() + ": " + dead.detail() + ") and its onError policy is 'fail'", false));
        return false;
      }
      Map<String, String> why = new HashMap<>(properties);
      why.put(Properties.STAGE, binding.stage());
      why.put(Properties.REASON, dead.reason());
      why.put(Properties.DETAIL, dead.detail());
      why.put(Properties.SOURCE_TOPIC, message.getTopicName());
      why.put(Properties.SOURCE_MESSAGE_ID, message.getMessageId().toString());
      boolean isLate = late != null && Rejection.LATE_EVENT.equals(dead.reason());
      send((isLate ? late : deadLetters).newMessage().value(record.value()).properties(why), message.getKey(),
          message, ingest, dead.reason(), group);
      deadLettersUnflushed = true;
    }
    return true;
  }

  private void send(TypedMessageBuilder<byte[]> out, String key, Message<byte[]> input, long ingestMillis,
      String deadLetterReason, AckGroup group) {
    if (key != null) {
      out.key(key);
    }
    if (input.getEventTime() > 0) {
      out.eventTime(input.getEventTime());
    }
    MessageId inputId = input.getMessageId();
    inFlight.incrementAndGet();
    out.sendAsync().whenComplete((id, error) -> {
      try {
        if (group != null) {
          group.sent(error == null);
        } else if (error != null) {
          consumer.negativeAcknowledge(inputId);
          return;
        } else {
          consumer.acknowledgeAsync(inputId);
        }
        if (error != null) {
          return;
        }
        if (deadLetterReason == null) {
          metrics.emitted(ingestMillis < 0 ? -1 : clock.millis() - ingestMillis);
        } else {
          metrics.deadLettered(deadLetterReason);
        }
      } finally {
        inFlight.decrementAndGet();
      }
    });
  }

  /** Sends the batches being filled now; their completions acknowledge the inputs as usual. */
  private void flushSent() {
    if (batching && outputsUnflushed) {
      producer.flushAsync();
    }
    if (batching && deadLettersUnflushed) {
      deadLetters.flushAsync();
      if (late != null) {
        late.flushAsync();
      }
    }
    outputsUnflushed = false;
    deadLettersUnflushed = false;
  }

  /** The ingest time a producer upstream set, or -1 if it is not a number. */
  private static long parseMillis(String ingest) {
    try {
      return Long.parseLong(ingest);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void fail(Throwable cause) {
    failure.compareAndSet(null, cause);
    running = false;
  }

  /** The error that stopped this runner, or {@code null} while it runs or after a clean stop. */
  public Throwable failure() {
    return failure.get();
  }

  public boolean isRunning() {
    return running && thread != null && thread.isAlive();
  }

  /**
   * Stops after the event at hand, waits up to {@code timeout} for pending sends and
   * acknowledgements, and closes. Idempotent.
   */
  public void stop(Duration timeout) {
    running = false;
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (thread != null) {
        thread.join(Math.max(1, timeout.toMillis()));
      }
      // Flushing waits at most until the deadline: a client that lost its broker never completes it.
      for (Producer<byte[]> p : java.util.Arrays.asList(producer, deadLetters, late)) {
        if (p != null) {
          p.flushAsync().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
      }
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      failure.compareAndSet(null, e);
    } finally {
      closeQuietly();
      stage.close();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  private void closeQuietly() {
    for (AutoCloseable c : new AutoCloseable[] {consumer, producer, deadLetters, late, changelog}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing is best effort; unacknowledged input is redelivered
        }
      }
    }
  }
}
