package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.core.event.EventCodec;
import dev.gyre.pulsar.TestPulsar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gyre run} with a window stage, killed with SIGKILL mid-stream and started again: no key
 * loses its history and no event is counted twice. Each key's events carry {@code seq} 1, 2, ...
 * and {@code amount = seq}, so event {@code seq}'s first output must have {@code n = seq} and
 * {@code total = seq (seq + 1) / 2}; outputs may repeat (at-least-once), counts may not.
 */
class WindowKillIT {
  private static final int KEYS = 16;
  private static final int PER_KEY = 120;

  @TempDir Path dir;

  private Path spec(String tenant) throws Exception {
    Path spec = dir.resolve("cards.yaml");
    Files.writeString(spec, """
        name: cards
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
        """.formatted(tenant));
    return spec;
  }

  private Process run(Path spec, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-jar", Path.of("target", "gyre.jar").toString(), "run",
        spec.toString(), "--service-url", TestPulsar.broker().serviceUrl(), "--admin-url",
        TestPulsar.broker().adminUrl(), "--metrics-port", "-1"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.readString(log).contains("running") && System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("gyre run exited:\n%s", Files.readString(log)).isTrue();
      Thread.sleep(100);
    }
    assertThat(Files.readString(log)).contains("running");
    return process;
  }

  private static void send(String tenant, int from, int to) throws Exception {
    try (Producer<byte[]> producer = TestPulsar.client().newProducer(Schema.BYTES)
        .topic("persistent://" + tenant + "/raw/tx").batcherBuilder(BatcherBuilder.KEY_BASED).create()) {
      for (int seq = from; seq <= to; seq++) {
        for (int k = 0; k < KEYS; k++) {
          String json = "{\"card\":\"c%d\",\"amount\":%d,\"ts\":%d,\"seq\":%d}".formatted(k, seq,
              1_700_000_000_000L + seq * 1000L, seq);
          producer.newMessage().key("c" + k).value(json.getBytes(StandardCharsets.UTF_8)).sendAsync();
        }
        if (seq % 5 == 0) {
          producer.flush();
          Thread.sleep(20);
        }
      }
      producer.flush();
    }
  }

  private static int read(Consumer<byte[]> consumer, Map<String, JsonNode> first, int n, Duration timeout)
      throws Exception {
    int duplicates = 0;
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
    return duplicates;
  }

  @Test
  void shouldCountEveryEventOnceAcrossAKillNine(TestInfo test) throws Exception {
    String tenant = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName());
    Path spec = spec(tenant);
    Process first = run(spec, dir.resolve("first.log"));
    Map<String, JsonNode> outputs = new LinkedHashMap<>();
    try (Consumer<byte[]> consumer = TestPulsar.client().newConsumer(Schema.BYTES)
        .topic("persistent://" + tenant + "/features/cards").subscriptionName("test")
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
      send(tenant, 1, PER_KEY / 2);
      int duplicates = read(consumer, outputs, KEYS * PER_KEY / 4, Duration.ofSeconds(60));
      first.destroyForcibly();   // SIGKILL: no shutdown hook, nothing flushed
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      int seenAtKill = outputs.size();

      Process second = run(spec, dir.resolve("second.log"));
      try {
        send(tenant, PER_KEY / 2 + 1, PER_KEY);
        duplicates += read(consumer, outputs, KEYS * PER_KEY, Duration.ofSeconds(90));
      } finally {
        second.destroy();
        second.waitFor(60, TimeUnit.SECONDS);
      }
      System.out.printf("kill -9 after %d of %d outputs; %d outputs seen twice%n", seenAtKill, KEYS * PER_KEY,
          duplicates);

      assertThat(seenAtKill).as("killed mid-stream").isLessThan(KEYS * PER_KEY);
      assertThat(outputs).as("every event came out").hasSize(KEYS * PER_KEY);
      assertThat(outputs.values()).allSatisfy(e -> {
        long seq = e.get("seq").asLong();
        assertThat(e.get("n").asLong()).as("count of %s", e).isEqualTo(seq);
        assertThat(e.get("n_1h").asLong()).as("count over 1h of %s", e).isEqualTo(seq);
        assertThat(e.get("total").asDouble()).as("sum of %s", e).isEqualTo(seq * (seq + 1) / 2.0);
      });
    }
  }
}
