package dev.gyre.pulsar;

import dev.gyre.api.InputRecord;
import dev.gyre.api.ModelException;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.core.window.KeyState;
import dev.gyre.core.window.StatefulStage;
import dev.gyre.spec.SpecLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;

/**
 * The window feature stage on a real broker, a benchmark and not a test: the fraud example's
 * aggregates over 1 m and 1 h windows, {@code keys} cards. (1) State memory: the stage alone (no
 * broker) applies {@code fill} events, then heap per key (after GC) and encoded changelog bytes per
 * key. (2) Throughput: on a fresh embedded broker, {@code fill} events sent as fast as the producer
 * goes through {@code gyre run}'s stage host (PipelineRunner, changelog included), timed from the
 * first send to the last output. (3) Latency: open-loop at {@code rate} events/s for {@code seconds},
 * each event's latency from its intended send time to its output's arrival (p50, p99, max).
 *
 * <pre>
 * mvn -o -q -pl gyre-pulsar dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * flock /tmp/gyre-broker.lock java -Xmx4g -cp gyre-pulsar/target/test-classes:gyre-pulsar/target/classes:$(cat gyre-pulsar/target/cp.txt) \
 *     dev.gyre.pulsar.WindowFeatureBench 100000 400000 5000 30
 * </pre>
 */
public final class WindowFeatureBench {
  private static final long START = 1_767_571_200_000L;
  private static final String SENT = "bench.sent-ns";

  private WindowFeatureBench() {}

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } finally {
      System.exit(0);   // the embedded broker's client threads would keep the JVM alive
    }
  }

  private static void run(String[] args) throws Exception {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int fill = args.length > 1 ? Integer.parseInt(args[1]) : 400_000;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    String yaml = """
        name: featbench
        key: card
        source:
          topic: persistent://featbench/raw/tx
          schema:
            fields: {card: string, amount: double, merchant: string, ts: long}
        stages:
          - name: card-features
            type: features
            output: persistent://featbench/features/cards
            windows:
              time: ts
              allowedLateness: 1m
              aggregates:
                - tx_1m = count() over 1m
                - tx_1h = count() over 1h
                - amount_mean_1h = mean(amount) over 1h
                - amount_std_1h = stddev(amount) over 1h
                - merchants_1h = distinct(merchant) over 1h
                - since_prev = since_previous()
            features:
              - amount_z = (amount - amount_mean_1h) / max(amount_std_1h, 1)
        """;
    PipelinePlan plan = new PipelinePlanner(d -> {
      throw new ModelException("no models");
    }).plan(SpecLoader.parse(yaml, Path.of(".")));
    StringBuilder report = new StringBuilder(String.format("keys %,d; %,d events over one hour of event time%n",
        keys, fill));

    // (1) state memory, stage alone
    long before = usedHeap();
    StatefulStage stage = (StatefulStage) plan.stages().get(0).factory().get();
    Random random = new Random(7);
    long applyStart = System.nanoTime();
    for (int i = 0; i < fill; i++) {
      String card = "card-" + random.nextInt(keys);
      stage.process(new InputRecord(card, event(card, random, START + (long) i * 3_600_000L / fill), 0, Map.of()),
          KeyState.NO_POSITION);
    }
    double applyMicros = (System.nanoTime() - applyStart) / 1e3 / fill;
    long heap = usedHeap() - before;
    long encoded = 0;
    int stateKeys = 0;
    for (String key : stage.drainChangedKeys()) {
      encoded += stage.codec().encode(stage.state(key)).length;
      stateKeys++;
    }
    report.append(String.format("stage code alone: %.2f us/event; %,d keys hold %.0f bytes of heap/key,"
        + " %.0f encoded bytes/key%n", applyMicros, stateKeys, (double) heap / stateKeys, (double) encoded / stateKeys));
    stage = null;

    // (2) throughput and (3) latency through the stage host on a real broker
    PipelineRunner runner = new PipelineRunner(plan, TestPulsar.client(), new SimpleMeterRegistry(), Clock.systemUTC());
    runner.start(TestPulsar.admin());
    long[] latencies = new long[rate * seconds];
    AtomicLong received = new AtomicLong();
    AtomicLong lastArrival = new AtomicLong();
    try (Consumer<byte[]> out = TestPulsar.client().newConsumer(Schema.BYTES).topic("persistent://featbench/features/cards")
        .subscriptionName("bench").subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
        .receiverQueueSize(10_000).subscribe();
         Producer<byte[]> in = TestPulsar.client().newProducer(Schema.BYTES).topic("persistent://featbench/raw/tx")
             .batcherBuilder(BatcherBuilder.KEY_BASED).batchingMaxPublishDelay(1, TimeUnit.MILLISECONDS)
             .blockIfQueueFull(true).maxPendingMessages(10_000).create()) {
      Thread reader = new Thread(() -> drain(out, received, lastArrival, latencies, fill), "bench-reader");
      reader.start();
      random = new Random(7);
      long sendStart = System.nanoTime();
      for (int i = 0; i < fill; i++) {
        String card = "card-" + random.nextInt(keys);
        in.newMessage().key(card).value(event(card, random, START + (long) i * 3_600_000L / fill))
            .property(SENT, "0").sendAsync();
      }
      in.flush();
      while (received.get() < fill) {
        Thread.sleep(10);
      }
      double throughput = fill / ((lastArrival.get() - sendStart) / 1e9);
      report.append(String.format("throughput through the stage host: %,.0f events/s (%,d events, first send to"
          + " last output)%n", throughput, fill));
      long total = (long) rate * seconds;
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + i * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        String card = "card-" + random.nextInt(keys);
        long ts = START + 3_600_000L + i * 1000L / rate;
        in.newMessage().key(card).value(event(card, random, ts)).property(SENT, Long.toString(due)).sendAsync();
      }
      in.flush();
      reader.join(Duration.ofSeconds(60).toMillis());
      long[] sorted = Arrays.copyOf(latencies, (int) Math.min(latencies.length, received.get() - fill));
      Arrays.sort(sorted);
      report.append(String.format("open loop at %,d events/s for %d s: %,d outputs; latency p50 %.1f ms, p99 %.1f ms,"
          + " max %.1f ms%n", rate, seconds, sorted.length, pct(sorted, 0.50), pct(sorted, 0.99),
          sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6));
    }
    runner.stop(Duration.ofSeconds(30));
    System.out.print(report);
    Path file = Path.of("target", "window-feature-bench.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
  }

  private static void drain(Consumer<byte[]> out, AtomicLong received, AtomicLong lastArrival, long[] latencies,
      int fill) {
    try {
      Message<byte[]> m;
      while ((m = out.receive(20, TimeUnit.SECONDS)) != null) {
        long now = System.nanoTime();
        long n = received.getAndIncrement();
        lastArrival.set(now);
        long sent = Long.parseLong(m.getProperty(SENT));
        if (n >= fill && sent > 0 && n - fill < latencies.length) {
          latencies[(int) (n - fill)] = now - sent;
        }
        out.acknowledgeAsync(m);
      }
    } catch (Exception e) {
      e.printStackTrace();
    }
  }

  private static byte[] event(String card, Random random, long ts) {
    return ("{\"card\":\"" + card + "\",\"amount\":" + (5 + random.nextInt(500)) + ",\"merchant\":\"m"
        + random.nextInt(1000) + "\",\"ts\":" + ts + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
