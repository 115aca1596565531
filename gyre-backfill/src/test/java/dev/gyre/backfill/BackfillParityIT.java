package dev.gyre.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.api.ModelException;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.pulsar.PipelineRunner;
import dev.gyre.pulsar.TestPulsar;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Online/offline parity on a real broker: a windowed pipeline runs online (PipelineRunner) over
 * 3,000 events of 40 cards, some late and some malformed; then gyre backfill replays the source topic.
 * For every event, the features online equal the backfilled ones exactly (the JSON text, so every
 * double to the bit), and the same events are dead-lettered.
 */
class BackfillParityIT {
  private static final int EVENTS = 3_000;

  private static SpecDocument spec(String tenant) {
    return SpecLoader.parse("""
        name: parity
        key: card
        source:
          topic: persistent://%1$s/raw/tx
          schema:
            fields: {card: string, amount: double, merchant: string, ts: long}
        stages:
          - name: card-features
            type: features
            output: persistent://%1$s/features/cards
            windows:
              time: ts
              allowedLateness: 2m
              aggregates:
                - tx_1m = count() over 1m
                - tx_1h = count() over 1h
                - amount_mean_24h = mean(amount) over 24h
                - amount_std_24h = stddev(amount) over 24h
                - merchants_1h = distinct(merchant) over 1h
                - since_prev = since_previous()
            features:
              - amount_z = (amount - amount_mean_24h) / max(amount_std_24h, 1)
        """.formatted(tenant), Path.of("."));
  }

  @Test
  void shouldComputeExactlyTheOnlineFeaturesForEveryEvent(TestInfo test) throws Exception {
    String tenant = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName());
    SpecDocument document = spec(tenant);
    PipelineRunner runner = new PipelineRunner(new PipelinePlanner(d -> {
      throw new ModelException("none");
    }).plan(document), TestPulsar.client(), new SimpleMeterRegistry(), Clock.systemUTC());
    runner.start(TestPulsar.admin());
    int malformed = send("persistent://" + tenant + "/raw/tx");
    Map<String, String> online = read("persistent://" + tenant + "/features/cards", Duration.ofSeconds(60), true);
    Map<String, String> deadOnline = read("persistent://" + tenant + "/features/cards-dlq", Duration.ofSeconds(5), false);
    runner.stop(Duration.ofSeconds(10));

    Map<String, String> offline = new LinkedHashMap<>();
    List<String> deadOffline = new ArrayList<>();
    Backfill.Summary summary;
    try (Backfill backfill = Backfill.of(document, null, d -> {
      throw new ModelException("none");
    })) {
      summary = backfill.run(new TopicSource(TestPulsar.client(), "persistent://" + tenant + "/raw/tx"),
          Labels.none(), null, row -> offline.put(row.eventId(), text(row.event())), d -> deadOffline.add(d.eventId()));
    }
    assertThat(summary.events()).isEqualTo(EVENTS);
    assertThat(summary.deadLetters().get("card-features: malformed-json")).isEqualTo(malformed);
    assertThat(summary.deadLetters().get("card-features: late-event")).isGreaterThan(0);
    assertThat(deadOffline).containsExactlyInAnyOrderElementsOf(deadOnline.keySet());
    assertThat(offline.keySet()).containsExactlyInAnyOrderElementsOf(online.keySet());
    int compared = 0;
    for (Map.Entry<String, String> e : online.entrySet()) {
      assertThat(offline.get(e.getKey())).as("event %s", e.getKey()).isEqualTo(e.getValue());
      compared++;
    }
    assertThat(compared + deadOffline.size()).isEqualTo(EVENTS);
  }

  /** Seeded transactions, keys interleaved, mostly in time order, some late; returns how many are malformed. */
  private static int send(String topic) throws Exception {
    Random random = new Random(7);
    long[] clock = new long[40];
    int malformed = 0;
    try (Producer<byte[]> producer = TestPulsar.client().newProducer(Schema.BYTES).topic(topic)
        .batcherBuilder(BatcherBuilder.KEY_BASED).batchingMaxPublishDelay(5, TimeUnit.MILLISECONDS).create()) {
      for (int i = 0; i < EVENTS; i++) {
        int card = random.nextInt(clock.length);
        clock[card] += random.nextInt(90_000);
        long ts = 1_700_000_000_000L + clock[card] - (random.nextInt(20) == 0 ? 200_000 : 0);
        String json = i % 97 == 50 ? "{\"card\": \"c" + card + "\", broken"
            : "{\"card\":\"c%d\",\"amount\":%.2f,\"merchant\":\"m%d\",\"ts\":%d}".formatted(card,
                Math.exp(3 + random.nextGaussian()), random.nextInt(30), ts);
        malformed += i % 97 == 50 ? 1 : 0;
        producer.newMessage().key("c" + card).value(json.getBytes(StandardCharsets.UTF_8)).sendAsync();
      }
      producer.flush();
    }
    return malformed;
  }

  /** The first message of each event id on {@code topic}: its JSON text (outputs) or payload. */
  private static Map<String, String> read(String topic, Duration quiet, boolean json) throws Exception {
    Map<String, String> byId = new LinkedHashMap<>();
    try (Consumer<byte[]> consumer = TestPulsar.client().newConsumer(Schema.BYTES).topic(topic)
        .subscriptionName("parity-" + System.nanoTime())
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
      Message<byte[]> m;
      while ((m = consumer.receive((int) quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        byId.putIfAbsent(m.getProperty("gyre.event-id"),
            json ? text(EventCodec.mapper().readTree(m.getValue())) : new String(m.getValue(), StandardCharsets.UTF_8));
        quiet = Duration.ofSeconds(5);
      }
    }
    return byId;
  }

  private static String text(JsonNode node) {
    try {
      return EventCodec.mapper().writeValueAsString(node);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
