package dev.gyre.loop.internal;

import dev.gyre.learn.join.FeedbackJoin;
import dev.gyre.learn.join.JoinStateCodec;
import dev.gyre.pulsar.Properties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link FeedbackLoop} on one thread over two Failover subscriptions (one active loop per
 * pipeline across processes): the prediction topic and the feedback topic. Predictions that have
 * arrived are handled before outcomes, so an outcome finds a prediction that came before it.
 *
 * <p><b>Durability.</b> Every {@value #SNAPSHOT_MILLIS} ms, if anything was consumed, the join state
 * ({@link JoinStateCodec}) is written to a compacted topic keyed by the pipeline; once that write and
 * every event published since the last snapshot are persisted, both inputs are acknowledged
 * cumulatively up to the last message the snapshot includes. A restart restores the last snapshot and
 * is redelivered exactly the messages after it, so the join state is neither missing nor double
 * counting any message. Published events are at-least-once (a replay after a crash may repeat them);
 * evaluation windows, the drift detector and the learner restart empty.
 */
public final class LoopRunner implements AutoCloseable {
  static final long SNAPSHOT_MILLIS = 1000;
  private static final long IDLE_ADVANCE_MILLIS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(LoopRunner.class);
  private final FeedbackLoop loop;
  private final String key;
  private final Consumer<byte[]> predictions;
  private final Consumer<byte[]> outcomes;
  private final Producer<byte[]> state;
  private final Map<String, Producer<byte[]>> producers = new HashMap<>();
  private final PulsarClient client;
  private final Clock clock;
  private final Thread thread;
  private final List<CompletableFuture<?>> sends = new ArrayList<>();
  private volatile boolean running = true;
  private MessageId lastPrediction;
  private MessageId lastOutcome;

  /**
   * Subscribes ({@code subscription} on both inputs, from the earliest message for a new subscription).
   *
   * @param stateTopic the compacted topic of join snapshots
   */
  public LoopRunner(PulsarClient client, FeedbackLoop loop, String key, String predictionTopic, String feedbackTopic,
      String subscription, String stateTopic, Clock clock) throws PulsarClientException {
    this.client = client;
    this.loop = loop;
    this.key = key;
    this.clock = clock;
    this.predictions = subscribe(client, predictionTopic, subscription);
    this.outcomes = subscribe(client, feedbackTopic, subscription);
    this.state = client.newProducer(Schema.BYTES).topic(stateTopic).enableBatching(false).enableChunking(true)
        .create();
    this.thread = new Thread(this::run, "gyre-loop-" + key);
  }

  /** The last join snapshot on {@code stateTopic} for {@code key}, or null when there is none. */
  public static FeedbackJoin restore(PulsarClient client, String stateTopic, String key) throws PulsarClientException {
    byte[] last = null;
    try (Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(stateTopic).startMessageId(MessageId.earliest)
        .readCompacted(true).create()) {
      while (reader.hasMessageAvailable()) {
        Message<byte[]> m = reader.readNext(10, TimeUnit.SECONDS);
        if (m == null) {
          break;
        }
        if (key.equals(m.getKey())) {
          last = m.getValue();
        }
      }
    } catch (PulsarClientException e) {
      throw e;
    } catch (java.io.IOException e) {
      throw new PulsarClientException(e);
    }
    return last == null ? null : JoinStateCodec.read(last);
  }

  public void start() {
    thread.setDaemon(true);
    thread.start();
  }

  private static Consumer<byte[]> subscribe(PulsarClient client, String topic, String subscription)
      throws PulsarClientException {
    return client.newConsumer(Schema.BYTES).topic(topic).subscriptionName(subscription)
        .subscriptionType(SubscriptionType.Failover).subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
        .subscribe();
  }

  private void run() {
    long lastInput = clock.millis();
    long lastSnapshot = clock.millis();
    try {
      while (running) {
        int got = 0;
        Message<byte[]> m;
        while (got < 1000 && (m = predictions.receive(0, TimeUnit.MILLISECONDS)) != null) {
          loop.prediction(m.getValue(), m.getProperty(Properties.EVENT_ID), Instant.ofEpochMilli(m.getPublishTime()));
          lastPrediction = m.getMessageId();
          got++;
        }
        for (int n = 0; n < 1000 && (m = outcomes.receive(0, TimeUnit.MILLISECONDS)) != null; n++, got++) {
          loop.outcome(m.getValue(), Instant.ofEpochMilli(m.getPublishTime())).forEach(this::send);
          lastOutcome = m.getMessageId();
        }
        long now = clock.millis();
        if (got > 0) {
          lastInput = now;
        } else {
          if (now - lastInput >= IDLE_ADVANCE_MILLIS) {
            loop.advanceTo(clock.instant());
            lastInput = now;
          }
          Thread.sleep(5);
        }
        if (now - lastSnapshot >= SNAPSHOT_MILLIS) {
          snapshot();
          lastSnapshot = now;
        }
      }
      snapshot().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.error("the feedback loop of {} stopped: {}", key, e.toString(), e);
    }
  }

  /** Writes the join state, then acknowledges what it includes once it and every output are persisted. */
  private CompletableFuture<Void> snapshot() {
    if (lastPrediction == null && lastOutcome == null) {
      return CompletableFuture.completedFuture(null);
    }
    sends.add(state.newMessage().key(key).value(JoinStateCodec.write(loop.join())).sendAsync());
    MessageId prediction = lastPrediction;
    MessageId outcome = lastOutcome;
    lastPrediction = null;
    lastOutcome = null;
    CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    sends.clear();
    return all.thenCompose(ignored -> CompletableFuture.allOf(
        prediction == null ? CompletableFuture.completedFuture(null) : predictions.acknowledgeCumulativeAsync(prediction),
        outcome == null ? CompletableFuture.completedFuture(null) : outcomes.acknowledgeCumulativeAsync(outcome)))
        .whenComplete((ok, e) -> {
          if (e != null) {
            LOG.warn("snapshot of {} not persisted; its inputs stay unacknowledged: {}", key, e.toString());
          }
        });
  }

  private void send(Output o) {
    try {
      Producer<byte[]> producer = producers.get(o.topic());
      if (producer == null) {
        producer = client.newProducer(Schema.BYTES).topic(o.topic()).batchingMaxPublishDelay(1, TimeUnit.MILLISECONDS)
            .create();
        producers.put(o.topic(), producer);
      }
      var message = producer.newMessage().value(o.payload()).properties(o.properties());
      if (o.key() != null) {
        message.key(o.key());
      }
      sends.add(message.sendAsync());
    } catch (PulsarClientException e) {
      sends.add(CompletableFuture.failedFuture(e));
    }
  }

  /** Stops the thread after a last snapshot, then closes consumers and producers. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(Duration.ofSeconds(40).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producers.values().forEach(Producer::closeAsync);
    state.closeAsync();
    predictions.closeAsync();
    outcomes.closeAsync();
  }
}
