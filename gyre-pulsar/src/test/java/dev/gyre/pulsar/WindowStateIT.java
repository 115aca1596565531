package dev.gyre.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.api.ModelException;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.spec.SpecLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Window state on a real broker: it survives a crash (the client dropped mid-stream, nothing
 * flushed) and a second instance joining, without a key losing history or an event counted twice.
 *
 * <p>Each key's events carry {@code seq} 1, 2, 3, ... and {@code amount = seq}, in order, all within
 * an hour, so the correct features of event {@code seq} are {@code n = seq} and
 * {@code total = seq (seq + 1) / 2}. Delivery is at-least-once, so an event may come out twice; its
 * first output must have exactly those values, and every event must come out.
 */
class WindowStateIT {
  private static final int KEYS = 20;
  private static final int PER_KEY = 100;

  private static PipelinePlan plan(String tenant) {
    String yaml = """
        name: win
        key: card
        source:
          topic: persistent://%1$s/raw/tx
          schema:
            fields: {card: string, amount: double, ts: long, seq: long}
        stages:
          - name: card-features
            type: features
            output: persistent://%1$s/features/cards
            windows:
              time: ts
              aggregates:
                - n = count()
                - total = sum(amount)
                - n_1h = count() over 1h
            features:
              - mean = total / n
        """.formatted(tenant);
    return new PipelinePlanner(d -> {
      throw new ModelException("no models here");
    }).plan(SpecLoader.parse(yaml, Path.of(".")));
  }

  private static PipelineRunner start(PulsarClient client, String tenant, SimpleMeterRegistry meters) {
    PipelineRunner runner = new PipelineRunner(plan(tenant), client, meters, Clock.systemUTC());
    runner.start(TestPulsar.admin());
    return runner;
  }

  /** Sends events {@code from..to} (inclusive) of every key, keys interleaved, paced. */
  private static void send(String tenant, int from, int to) throws Exception {
    try (Producer<byte[]> producer = TestPulsar.client().newProducer(Schema.BYTES)
        .topic("persistent://" + tenant + "/raw/tx").batcherBuilder(BatcherBuilder.KEY_BASED).create()) {
      for (int seq = from; seq <= to; seq++) {
        for (int k = 0; k < KEYS; k++) {
          String json = "{\"card\":\"c%d\",\"amount\":%d,\"ts\":%d,\"seq\":%d}".formatted(k, seq,
              1_700_000_000_000L + seq * 1000L, seq);
          producer.newMessage().key("c" + k).value(json.getBytes(StandardCharsets.UTF_8)).sendAsync();
        }
        if (seq % 10 == 0) {
          producer.flush();
          Thread.sleep(20);
        }
      }
      producer.flush();
    }
  }

  /** The first output of each (card, seq), in arrival order, until every event came out once. */
  private static final class Outputs implements AutoCloseable {
    final Map<String, JsonNode> first = new LinkedHashMap<>();
    int duplicates;
    private final Consumer<byte[]> consumer;

    Outputs(String tenant) throws Exception {
      consumer = TestPulsar.client().newConsumer(Schema.BYTES).topic("persistent://" + tenant + "/features/cards")
          .subscriptionName("test-" + System.nanoTime())
          .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe();
    }

    void awaitDistinct(int n, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (first.size() < n && System.nanoTime() < deadline) {
        Message<byte[]> m = consumer.receive(200, TimeUnit.MILLISECONDS);
        if (m != null) {
          JsonNode event = EventCodec.mapper().readTree(m.getValue());
          if (first.putIfAbsent(event.get("card").asText() + "/" + event.get("seq").asLong(), event) != null) {
            duplicates++;
          }
        }
      }
    }

    @Override
    public void close() throws Exception {
      consumer.close();
    }
  }

  private static void assertEveryEventCountedOnce(Outputs out) {
    assertThat(out.first).as("every event came out").hasSize(KEYS * PER_KEY);
    assertThat(out.first.values()).allSatisfy(e -> {
      long seq = e.get("seq").asLong();
      assertThat(e.get("n").asLong()).as("count of %s", e).isEqualTo(seq);
      assertThat(e.get("n_1h").asLong()).as("count over 1h of %s", e).isEqualTo(seq);
      assertThat(e.get("total").asDouble()).as("sum of %s", e).isEqualTo(seq * (seq + 1) / 2.0);
    });
  }

  @Test
  void shouldRestoreStateAfterACrashWithoutLosingOrDoubleCountingAnEvent(TestInfo test) throws Exception {
    String tenant = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName());
    PulsarClient crashing = PulsarClient.builder().serviceUrl(TestPulsar.broker().serviceUrl()).build();
    PipelineRunner first = start(crashing, tenant, new SimpleMeterRegistry());
    try (Outputs out = new Outputs(tenant)) {
      send(tenant, 1, PER_KEY / 2);
      out.awaitDistinct(KEYS * PER_KEY / 4, Duration.ofSeconds(30));
      crashing.shutdown();   // mid-stream: pending sends and acknowledgements are lost, as in a kill -9
      first.stop(Duration.ofSeconds(1));

      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      PipelineRunner second = start(TestPulsar.client(), tenant, meters);
      send(tenant, PER_KEY / 2 + 1, PER_KEY);
      out.awaitDistinct(KEYS * PER_KEY, Duration.ofSeconds(60));
      second.stop(Duration.ofSeconds(30));
      System.out.printf("crash: %d events, %d outputs seen twice%n", KEYS * PER_KEY, out.duplicates);

      assertEveryEventCountedOnce(out);
    }
  }

  @Test
  void shouldCarryEachKeysStateToASecondInstanceThatJoinsMidStream(TestInfo test) throws Exception {
    String tenant = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName());
    PipelineRunner first = start(TestPulsar.client(), tenant, new SimpleMeterRegistry());
    try (Outputs out = new Outputs(tenant)) {
      send(tenant, 1, PER_KEY / 2);
      out.awaitDistinct(KEYS * PER_KEY / 2, Duration.ofSeconds(30));

      SimpleMeterRegistry joined = new SimpleMeterRegistry();
      PipelineRunner second = start(TestPulsar.client(), tenant, joined);
      send(tenant, PER_KEY / 2 + 1, PER_KEY);
      out.awaitDistinct(KEYS * PER_KEY, Duration.ofSeconds(60));
      second.stop(Duration.ofSeconds(30));
      first.stop(Duration.ofSeconds(30));
      double taken = joined.find("gyre.stage.events").tag("outcome", "out").counter().count();
      System.out.printf("rescale: the joining instance handled %.0f of %d events%n", taken, KEYS * PER_KEY);

      assertThat(taken).as("the second instance took over some keys").isGreaterThan(0);
      assertEveryEventCountedOnce(out);
    }
  }
}
