package dev.gyre.pulsar;

import dev.gyre.api.InputRecord;
import dev.gyre.api.ModelException;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.core.window.StatefulStage;
import dev.gyre.pulsar.internal.StateChangelog;
import dev.gyre.spec.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How long a window stage takes to get its state back, and what the changelog costs per event; a
 * benchmark, not a test (Failsafe and Surefire ignore the name). Plans the fraud-like stage of
 * {@code WindowStateIT} with 1 m, 1 h and 24 h windows on two fields, applies {@code events} events over
 * {@code keys} cards through the real stage (no broker), writes every key's state to a changelog
 * topic of a fresh embedded broker, then opens the changelog for a new stage instance, as a restart
 * does, and makes it adopt every key.
 *
 * <p>Run after {@code mvn -o -q install -DskipTests -pl gyre-pulsar -am}, holding the broker lock:
 * <pre>
 * mvn -o -q -pl gyre-pulsar dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * flock /tmp/gyre-broker.lock java -Xmx4g -cp gyre-pulsar/target/test-classes:gyre-pulsar/target/classes:$(cat gyre-pulsar/target/cp.txt) \
 *     dev.gyre.pulsar.StateRecoveryBench 100000 1000000
 * </pre>
 */
public final class StateRecoveryBench {
  private StateRecoveryBench() {}

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } finally {
      System.exit(0);   // the embedded broker's client threads would keep the JVM alive
    }
  }

  private static void run(String[] args) throws Exception {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    String yaml = """
        name: bench
        key: card
        source:
          topic: persistent://bench/raw/tx
          schema:
            fields: {card: string, amount: double, merchant: string, ts: long}
        stages:
          - name: card-features
            type: features
            output: persistent://bench/features/cards
            windows:
              time: ts
              aggregates:
                - tx_1m = count() over 1m
                - tx_1h = count() over 1h
                - amount_sum_1h = sum(amount) over 1h
                - amount_mean_24h = mean(amount) over 24h
                - amount_std_24h = stddev(amount) over 24h
                - amount_max_24h = max(amount) over 24h
                - since_prev = since_previous()
            features:
              - amount_z = (amount - amount_mean_24h) / max(amount_std_24h, 1)
        """;
    PipelinePlan plan = new PipelinePlanner(d -> {
      throw new ModelException("no models");
    }).plan(SpecLoader.parse(yaml, Path.of(".")));
    StatefulStage stage = (StatefulStage) plan.stages().get(0).factory().get();
    Random random = new Random(7);
    long start = 1_700_000_000_000L;
    long applyNanos = 0;
    for (int i = 0; i < events; i++) {
      String card = "card-" + random.nextInt(keys);
      long ts = start + (long) i * 3_600_000L / events;
      byte[] json = ("{\"card\":\"" + card + "\",\"amount\":" + (5 + random.nextInt(500)) + ",\"merchant\":\"m"
          + random.nextInt(1000) + "\",\"ts\":" + ts + "}").getBytes(StandardCharsets.UTF_8);
      long t0 = System.nanoTime();
      stage.process(new InputRecord(card, json, 0, Map.of()), i + 1L);
      applyNanos += System.nanoTime() - t0;
    }
    long snapStart = System.nanoTime();
    List<StateChangelog.Snapshot> snapshots;
    String topic = "persistent://bench/state/cards-" + System.nanoTime();
    new TopicProvisioner(TestPulsar.admin()).provision(List.of(new dev.gyre.core.plan.TopicPlan(topic, null, true)));
    try (StateChangelog writer = StateChangelog.open(TestPulsar.client(), topic, stage, "writer")) {
      snapStart = System.nanoTime();
      snapshots = writer.snapshot();
      long encodeNanos = System.nanoTime() - snapStart;
      long bytes = snapshots.stream().mapToLong(s -> s.bytes().length).sum();
      long writeStart = System.nanoTime();
      writer.write(snapshots).get();
      long writeNanos = System.nanoTime() - writeStart;

      StatefulStage restarted = (StatefulStage) plan.stages().get(0).factory().get();
      long restoreStart = System.nanoTime();
      try (StateChangelog reader = StateChangelog.open(TestPulsar.client(), topic, restarted, "restarted")) {
        long readNanos = System.nanoTime() - restoreStart;
        long adoptStart = System.nanoTime();
        int adopted = 0;
        for (StateChangelog.Snapshot s : snapshots) {
          restarted.process(new InputRecord(s.key(), ("{\"card\":\"" + s.key() + "\",\"amount\":1,\"merchant\":\"x\","
              + "\"ts\":" + (start + 3_600_000L) + "}").getBytes(StandardCharsets.UTF_8), 0, Map.of()), Long.MAX_VALUE);
          adopted++;
        }
        long adoptNanos = System.nanoTime() - adoptStart;
        String report = String.format("""
            keys %,d, events %,d (one hour of event time)
            apply (stage code, no broker): %.2f us/event
            state: %,d bytes encoded in total, %.0f bytes/key; encode all: %.0f ms
            changelog write of every key (one producer, key-based batching): %.0f ms, %.1f MB/s
            restore (read the whole changelog as bytes): %.0f ms
            adopt (decode on first use) of %,d keys: %.0f ms, %.1f us/key
            """, keys, events, applyNanos / 1e3 / events, bytes, (double) bytes / snapshots.size(),
            encodeNanos / 1e6, writeNanos / 1e6, bytes / 1e6 / (writeNanos / 1e9), readNanos / 1e6, adopted,
            adoptNanos / 1e6, adoptNanos / 1e3 / adopted);
        System.out.print(report);
        Path out = Path.of("target", "state-recovery-bench.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
      }
    }
  }
}
