package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.api.ModelException;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.core.plan.StagePlan;
import dev.gyre.pulsar.PipelineRunner;
import dev.gyre.spec.SpecLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.common.policies.data.TenantInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gyre on a real multi-process cluster ({@code scripts/cluster}: ZooKeeper, a bookie, two brokers,
 * a functions worker): a two-stage pipeline with parallelism 2 on a 2-partition input, fed with
 * per-key sequence numbers while the broker owning input partition 0 is killed with SIGKILL and
 * restarted; and the same pipeline deployed with {@code gyre deploy} as Pulsar Functions onto the
 * cluster's separate functions worker. About 75 s for the cluster and the first test; alone:
 * {@code flock /tmp/gyre-broker.lock mvn -pl gyre-cli verify -Pcluster}.
 */
class ClusterIT {
  private static final int PORT_BASE = 27600;
  private static final int KEYS = 16;
  private static final int PER_KEY = 500;
  private static final int EVENTS_PER_SECOND = 400;
  private static final int PRODUCER_PENDING = 200;
  private static final String FUNCTIONS_JAR = Path.of("..", "gyre-functions", "target", "gyre-functions.jar")
      .toAbsolutePath().normalize().toString();

  private static String spec(String tenant) {
    return """
        name: clusterit
        key: deviceId
        source:
          topic: persistent://%1$s/raw/input
          schema:
            fields: {deviceId: string, temp: double, seq: long}
        runtime:
          receiverQueueSize: 100
          maxPendingMessages: 200
        stages:
          - name: transform
            type: features
            output: persistent://%1$s/features/transformed
            parallelism: 2
            features:
              - temp_scaled = (temp - 20) / 10
          - name: enrich
            type: features
            output: persistent://%1$s/features/enriched
            parallelism: 2
            features:
              - hot = temp_scaled > 1.5
        """.formatted(tenant);
  }

  private static LocalCluster cluster;

  @BeforeAll
  static void startCluster() {
    long started = System.nanoTime();
    cluster = LocalCluster.start(Path.of("target", "cluster-it").toAbsolutePath(), PORT_BASE);
    System.out.printf("cluster up after %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void shouldLoseNoEventAndKeepPerKeyOrderWhileABrokerIsKilledAndRestarted(@TempDir Path specDir) throws Exception {
    String tenant = "cluster-it-" + Long.toString(System.currentTimeMillis(), 36);
    Path specFile = Files.writeString(specDir.resolve("pipeline.yaml"), spec(tenant));
    long started = System.nanoTime();
    try (PulsarClient client = PulsarClient.builder().serviceUrl(cluster.serviceUrl())
             .operationTimeout(60, TimeUnit.SECONDS).build();
         PulsarAdmin admin = PulsarAdmin.builder().serviceHttpUrl(cluster.adminUrl(1)).build();
         PipelinePlan plan = new PipelinePlanner(d -> {
           throw new ModelException("no models here");
         }).plan(SpecLoader.load(specFile))) {
      String input = plan.spec().source().topic();
      admin.tenants().createTenant(tenant, TenantInfo.builder().allowedClusters(Set.of("gyre")).build());
      admin.namespaces().createNamespace(tenant + "/raw");
      admin.topics().createPartitionedTopic(input, 2);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      PipelineRunner runner = new PipelineRunner(plan, client, registry, Clock.systemUTC());
      runner.start(admin);
      int victim = owner(admin, cluster, input + "-partition-0");
      System.out.printf("owners: input-0 broker %d, input-1 broker %d, transformed broker %d, enriched broker %d%n",
          victim, owner(admin, cluster, input + "-partition-1"),
          owner(admin, cluster, plan.stages().get(0).outputTopic()), owner(admin, cluster, plan.finalTopic()));

      AtomicInteger sent = new AtomicInteger();
      AtomicReference<Throwable> sendFailure = new AtomicReference<>();
      Thread sender = new Thread(() -> send(client, input, sent, sendFailure), "cluster-it-sender");
      sender.start();
      while (sent.get() < KEYS * PER_KEY / 3 && sender.isAlive()) {
        Thread.sleep(50);
      }
      int killedAt = sent.get();
      long killAt = System.nanoTime();
      cluster.restartBroker(victim);
      System.out.printf("broker %d killed at event %d, healthy again after %d ms%n", victim, killedAt,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killAt));
      sender.join(TimeUnit.MINUTES.toMillis(3));
      assertThat(sendFailure.get()).as("every event was accepted by the cluster").isNull();
      assertThat(sent.get()).isEqualTo(KEYS * PER_KEY);

      List<JsonNode> out = OutputReader.readAllPairs(client, plan.finalTopic(), KEYS, PER_KEY, Duration.ofMinutes(3));
      SequenceCheck check = SequenceCheck.of(out, KEYS, PER_KEY);
      System.out.printf("outputs %d, distinct %d, duplicates %d, missing %d, order violations %d, wrong values %d%n",
          out.size(), check.distinct(), check.duplicates(), check.missing().size(), check.violations().size(),
          check.wrongValues().size());
      assertThat(check.missing()).as("no event is lost").isEmpty();
      assertThat(check.violations()).as("per key, no new sequence number after a higher one").isEmpty();
      assertThat(check.wrongValues()).as("every output carries the features of its own input").isEmpty();
      assertThat(check.duplicates()).as("duplicates are bounded by what can be unacknowledged at the kill")
          .isLessThanOrEqualTo(duplicateBound(plan));
      for (StagePlan stage : plan.stages()) {
        var metrics = runner.metrics().get(stage.name());
        assertThat(metrics.deadLetterCount()).as(stage.name() + " dead letters").isZero();
        assertThat(metrics.outCount()).as(stage.name() + " out = in").isEqualTo(metrics.inCount());
      }
      assertHostStatus(specFile, cluster);
      runner.stop(Duration.ofSeconds(30));
    }
    System.out.printf("stage host test took %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
  }

  @Test
  void shouldRunThePipelineAsFunctionsOnTheSeparateFunctionsWorker(@TempDir Path specDir) throws Exception {
    String tenant = "cluster-fn-" + Long.toString(System.currentTimeMillis(), 36);
    Path specFile = Files.writeString(specDir.resolve("pipeline.yaml"), spec(tenant));
    long started = System.nanoTime();
    String[] target = {"--admin-url", cluster.adminUrl(1), "--functions-url", cluster.functionsUrl()};
    try (PulsarClient client = PulsarClient.builder().serviceUrl(cluster.serviceUrl()).build();
         PulsarAdmin admin = PulsarAdmin.builder().serviceHttpUrl(cluster.adminUrl(1)).build()) {
      String input = "persistent://" + tenant + "/raw/input";
      admin.tenants().createTenant(tenant, TenantInfo.builder().allowedClusters(Set.of("gyre")).build());
      admin.namespaces().createNamespace(tenant + "/raw");
      admin.topics().createPartitionedTopic(input, 2);
      CliRun deploy = CliRun.of(concat(new String[] {"deploy", specFile.toString(), "--jar", FUNCTIONS_JAR}, target));
      assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
      assertThat(deploy.out()).contains("created " + tenant + "/features/clusterit-transform",
          "created " + tenant + "/features/clusterit-enrich");
      CliRun status = awaitFunctionsRunning(specFile, target);
      System.out.println(status.out());
      assertThat(status.out()).contains("transform", "enrich").containsPattern("transform\\s+2/2 ")
          .containsPattern("enrich\\s+2/2 ");

      int perKey = 50;
      try (Producer<byte[]> producer = client.newProducer(Schema.BYTES).topic(input)
          .batcherBuilder(BatcherBuilder.KEY_BASED).create()) {
        for (int seq = 0; seq < perKey; seq++) {
          for (int k = 0; k < KEYS; k++) {
            String json = "{\"deviceId\": \"k" + k + "\", \"temp\": " + (seq % 50) + ", \"seq\": " + seq + "}";
            producer.newMessage().key("k" + k).value(json.getBytes(StandardCharsets.UTF_8)).sendAsync();
          }
        }
        producer.flush();
      }
      List<JsonNode> out = OutputReader.readAllPairs(client, "persistent://" + tenant + "/features/enriched", KEYS,
          perKey, Duration.ofMinutes(2));
      SequenceCheck check = SequenceCheck.of(out, KEYS, perKey);
      System.out.printf("functions: outputs %d, distinct %d, duplicates %d%n", out.size(), check.distinct(),
          check.duplicates());
      assertThat(check.missing()).isEmpty();
      assertThat(check.violations()).isEmpty();
      assertThat(check.wrongValues()).isEmpty();
      assertThat(check.duplicates()).as("no failure, so no redelivery").isZero();

      CliRun undeploy = CliRun.of(concat(new String[] {"undeploy", specFile.toString()}, target));
      assertThat(undeploy.out()).contains("removed " + tenant + "/features/clusterit-transform");
    }
    System.out.printf("functions test took %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
  }

  /** Function instances are JVMs of their own that the worker starts: give them time on 2 cores. */
  private static CliRun awaitFunctionsRunning(Path specFile, String[] target) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    CliRun status;
    do {
      status = CliRun.of(concat(new String[] {"status", specFile.toString()}, target));
      if (status.exitCode() == 0) {
        return status;
      }
      Thread.sleep(2000);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("functions not running after 180 s:\n" + status.out() + status.err()
        + "\nsee " + cluster.dir().resolve("logs"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /**
   * What can be delivered twice: per stage and instance, a receiver queue per input partition plus
   * the producer's pending sends; and the test producer's own pending sends, which it resends.
   */
  private static int duplicateBound(PipelinePlan plan) {
    var runtime = plan.spec().runtime();
    int bound = PRODUCER_PENDING;
    for (StagePlan stage : plan.stages()) {
      int partitions = stage == plan.stages().get(0) ? 2 : 1;
      bound += stage.parallelism() * (partitions * runtime.receiverQueueSize() + runtime.maxPendingMessages());
    }
    return bound;
  }

  private static void send(PulsarClient client, String topic, AtomicInteger sent, AtomicReference<Throwable> failure) {
    // No send timeout: the producer waits through the broker's restart instead of dropping events.
    try (Producer<byte[]> producer = client.newProducer(Schema.BYTES).topic(topic)
        .batcherBuilder(BatcherBuilder.KEY_BASED).sendTimeout(0, TimeUnit.SECONDS)
        .blockIfQueueFull(true).maxPendingMessages(PRODUCER_PENDING).create()) {
      long start = System.nanoTime();
      for (int seq = 0; seq < PER_KEY; seq++) {
        for (int k = 0; k < KEYS; k++) {
          String key = "k" + k;
          String json = "{\"deviceId\": \"" + key + "\", \"temp\": " + (seq % 50) + ", \"seq\": " + seq + "}";
          producer.newMessage().key(key).value(json.getBytes(StandardCharsets.UTF_8)).sendAsync()
              .exceptionally(e -> {
                failure.compareAndSet(null, e);
                return null;
              });
          int n = sent.incrementAndGet();
          long due = start + TimeUnit.SECONDS.toNanos(n) / EVENTS_PER_SECOND;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
      }
      producer.flush();
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
  }

  private static int owner(PulsarAdmin admin, LocalCluster cluster, String topic) throws Exception {
    String url = admin.lookups().lookupTopic(topic);
    return url.equals(cluster.brokerUrl(1)) ? 1 : 2;
  }

  /** {@code gyre status --runtime host}: both stages with 2 of 2 instances, and nothing left behind. */
  private static void assertHostStatus(Path specFile, LocalCluster cluster) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    CliRun status;
    do {
      status = CliRun.of("status", specFile.toString(), "--admin-url", cluster.adminUrl(2), "--runtime", "host");
      if (status.exitCode() == 0 && backlog(status, "transform") == 0 && backlog(status, "enrich") == 0) {
        break;
      }
      Thread.sleep(1000);
    } while (System.nanoTime() < deadline);
    System.out.println(status.out());
    assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
    assertThat(row(status, "transform")).contains(" 2/2 ", "gyre-clusterit-transform on 2 partitions",
        "[transform-0, transform-1]");
    assertThat(row(status, "enrich")).contains(" 2/2 ", "[enrich-0, enrich-1]");
    assertThat(backlog(status, "transform")).isZero();
    assertThat(backlog(status, "enrich")).isZero();
  }

  private static String row(CliRun status, String stage) {
    return Arrays.stream(status.out().split("\n")).filter(l -> l.startsWith(stage + " ")).findFirst().orElse("");
  }

  private static long backlog(CliRun status, String stage) {
    String[] columns = row(status, stage).trim().split("\\s+");
    return columns.length > 4 ? Long.parseLong(columns[4]) : -1;
  }

  static JsonNode json(byte[] value) {
    try {
      return EventCodec.mapper().readTree(value);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
