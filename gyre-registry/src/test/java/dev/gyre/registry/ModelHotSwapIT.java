package dev.gyre.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.core.serving.ModelRouter;
import dev.gyre.pulsar.PipelineRunner;
import dev.gyre.pulsar.TestPulsar;
import dev.gyre.registry.Predictions.Prediction;
import dev.gyre.registry.internal.RecordJson;
import dev.gyre.registry.internal.RegistryTopics;
import dev.gyre.registry.internal.ServingMetrics;
import dev.gyre.spec.SpecLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running pipeline follows its registry: promotions and rollbacks swap the model mid-stream with
 * every event scored exactly once, a version that cannot serve leaves the previous one serving, and
 * a canary serves a sticky share of keys.
 */
class ModelHotSwapIT {
  @TempDir
  static Path dir;
  static Path v1;
  static Path v2;
  static Path otherInputs;

  @BeforeAll
  static void train() {
    v1 = TestModels.train(dir.resolve("v1.onnx"), "m", "1", List.of("x", "y"), 1);
    v2 = TestModels.train(dir.resolve("v2.onnx"), "m", "2", List.of("x", "y"), 2);
    otherInputs = TestModels.train(dir.resolve("ab.onnx"), "m", "3", List.of("a", "b"), 3);
  }

  /** A pipeline of one score stage (two instances) on {@code tenant}, following {@code tenant/models}. */
  private static PipelinePlan plan(String tenant) {
    String yaml = """
        name: swap
        key: deviceId
        source:
          topic: persistent://%1$s/raw/input
          schema:
            fields: {deviceId: string, seq: long, x: double, y: double}
        stages:
          - name: score
            type: score
            output: persistent://%1$s/out/predictions
            parallelism: 2
            model: {name: m, version: "0", path: %2$s, inputs: [x, y], registry: %1$s/models}
        """.formatted(tenant, v1.toAbsolutePath());
    return new PipelinePlanner(ModelLoader.serviceLoader()).plan(SpecLoader.parse(yaml, dir));
  }

  private static ModelRegistry registry(String tenant) {
    return ModelRegistry.open(TestPulsar.client(), TestPulsar.admin(), tenant + "/models", Clock.systemUTC());
  }

  private static void push(ModelRegistry registry, String version, Path file) {
    registry.push(new PushRequest("m", version, "onnx", file), ModelLoader.serviceLoader());
  }

  private static double count(SimpleMeterRegistry meters, String name, String... tags) {
    var counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void shouldSwapPromotedAndRolledBackVersionsMidStreamScoringEveryEventOnce(TestInfo test) throws Exception {
    String tenant = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ModelRegistry registry = registry(tenant); PipelinePlan plan = plan(tenant)) {
      push(registry, "1", v1);
      push(registry, "2", v2);
      registry.promote("m", "1");
      PipelineRunner runner = new PipelineRunner(plan, TestPulsar.client(), meters, Clock.systemUTC());
      runner.start(TestPulsar.admin());
      assertThat(plan.routers().get("score").routing().champion().version())
          .as("the registry's champion serves from the first event, not the spec's path").isEqualTo("1");
      try (Events events = new Events("persistent://" + tenant + "/raw/input", 20);
           Predictions out = new Predictions("persistent://" + tenant + "/out/predictions")) {
        events.stream(1000);
        out.await(1000, 20_000);
        long promotedAt = System.currentTimeMillis();
        registry.promote("m", "2");
        Prediction firstV2 = out.awaitVersion("2", 0, 10_000);
        long swapMillis = firstV2.publishTime() - promotedAt;
        out.await(out.seen().size() + 1000, 20_000);
        long rolledBackAt = System.currentTimeMillis();
        registry.rollback("m");
        int afterV2 = out.seen().indexOf(firstV2);
        Prediction backToV1 = out.awaitVersion("1", afterV2, 10_000);
        long rollbackMillis = backToV1.publishTime() - rolledBackAt;
        out.await(out.seen().size() + 1000, 20_000);
        int sent = events.stop();
        List<Prediction> all = out.await(sent, 30_000);
        runner.stop(Duration.ofSeconds(30));
        System.out.printf("swap seen %d ms after promote, %d ms after rollback (%d events)%n", swapMillis,
            rollbackMillis, sent);

        assertThat(all.stream().map(Prediction::seq).collect(Collectors.toSet()))
            .as("no event lost").hasSize(sent);
        assertThat(all).as("no event scored twice").hasSize(sent);
        assertThat(all).filteredOn(p -> p.publishTime() < promotedAt).extracting(Prediction::version)
            .containsOnly("1");
        assertThat(swapMillis).as("swap latency after promote").isLessThan(5_000);
        assertThat(rollbackMillis).as("swap latency after rollback").isLessThan(5_000);
        assertThat(perKeyVersionRuns(all)).as("per key, in sequence order: version 1, then 2, then 1 again")
            .allSatisfy((key, runs) -> assertThat(runs).isEqualTo(List.of("1", "2", "1")));
      }
      assertThat(count(meters, ServingMetrics.SWAPS, "role", "champion", "outcome", "ok")).isEqualTo(3);
      assertThat(count(meters, ServingMetrics.SWAPS, "role", "champion", "outcome", "failed")).isZero();
    }
  }

  @Test
  void shouldKeepServingThePreviousVersionWhenAPromotedOneCannotServe(TestInfo test) throws Exception {
    String tenant = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ModelRegistry registry = registry(tenant); PipelinePlan plan = plan(tenant)) {
      push(registry, "1", v1);
      push(registry, "3", otherInputs);
      registry.promote("m", "1");
      tamperedCopy(registry, "2", "4");
      PipelineRunner runner = new PipelineRunner(plan, TestPulsar.client(), meters, Clock.systemUTC());
      runner.start(TestPulsar.admin());
      ModelRouter router = plan.routers().get("score");
      try (Events events = new Events("persistent://" + tenant + "/raw/input", 10);
           Predictions out = new Predictions("persistent://" + tenant + "/out/predictions")) {
        registry.promote("m", "3");
        awaitCount(meters, 1);
        assertThat(router.routing().champion().version()).as("a model trained on other inputs").isEqualTo("1");
        registry.promote("m", "4");
        awaitCount(meters, 2);
        assertThat(router.routing().champion().version()).as("a payload that fails its SHA-256").isEqualTo("1");
        events.send(200);
        assertThat(out.await(200, 20_000)).hasSize(200).extracting(Prediction::version).containsOnly("1");
        runner.stop(Duration.ofSeconds(30));
      }
      assertThat(meters.find(ServingMetrics.SERVING).tags("version", "1", "role", "champion").gauge().value())
          .isEqualTo(1);
    }
  }

  @Test
  void shouldServeACanaryToAStickyShareOfKeys(TestInfo test) throws Exception {
    String tenant = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ModelRegistry registry = registry(tenant); PipelinePlan plan = plan(tenant)) {
      push(registry, "1", v1);
      push(registry, "2", v2);
      registry.promote("m", "1");
      PipelineRunner runner = new PipelineRunner(plan, TestPulsar.client(), meters, Clock.systemUTC());
      runner.start(TestPulsar.admin());
      ModelRouter router = plan.routers().get("score");
      registry.canary("m", "2", 0.3);
      long deadline = System.currentTimeMillis() + 10_000;
      while (router.routing().canary() == null && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      int keys = 400;
      try (Events events = new Events("persistent://" + tenant + "/raw/input", keys);
           Predictions out = new Predictions("persistent://" + tenant + "/out/predictions")) {
        events.send(keys * 3);
        List<Prediction> all = out.await(keys * 3, 30_000);
        runner.stop(Duration.ofSeconds(30));

        Map<String, Set<String>> versionsByKey = new HashMap<>();
        all.forEach(p -> versionsByKey.computeIfAbsent(p.key(), k -> new HashSet<>()).add(p.version()));
        assertThat(versionsByKey).hasSize(keys).allSatisfy((key, versions) -> assertThat(versions).hasSize(1));
        long canaryKeys = versionsByKey.values().stream().filter(v -> v.contains("2")).count();
        System.out.printf("canary share 0.3: %d of %d keys got version 2%n", canaryKeys, keys);
        assertThat((double) canaryKeys / keys).isBetween(0.2, 0.4);
        assertThat(meters.find(ServingMetrics.CANARY_SHARE).gauge().value()).isEqualTo(0.3);
        assertThat(count(meters, ServingMetrics.PREDICTIONS, "version", "2"))
            .isEqualTo(all.stream().filter(p -> p.version().equals("2")).count());
      }
    }
  }

  @Test
  void shouldScoreEveryEventWithTheShadowIntoTheShadowTopicWhileTheChampionServes(TestInfo test) throws Exception {
    String tenant = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ModelRegistry registry = registry(tenant); PipelinePlan plan = plan(tenant)) {
      push(registry, "1", v1);
      push(registry, "2", v2);
      registry.promote("m", "1");
      PipelineRunner runner = new PipelineRunner(plan, TestPulsar.client(), meters, Clock.systemUTC());
      runner.start(TestPulsar.admin());
      registry.shadow("m", "2");
      String input = "persistent://" + tenant + "/raw/input";
      awaitSubscription(input, "gyre-swap-score-shadow", true);
      try (Events events = new Events(input, 50);
           Predictions served = new Predictions("persistent://" + tenant + "/out/predictions");
           Predictions shadow = new Predictions("persistent://" + tenant + "/out/predictions-shadow")) {
        events.send(300);
        List<Prediction> champion = served.await(300, 20_000);
        List<Prediction> shadowed = shadow.await(300, 20_000);

        assertThat(champion).hasSize(300).extracting(Prediction::version).containsOnly("1");
        assertThat(shadowed).hasSize(300).extracting(Prediction::version).containsOnly("2");
        assertThat(shadowed.stream().map(Prediction::seq).collect(Collectors.toSet()))
            .isEqualTo(champion.stream().map(Prediction::seq).collect(Collectors.toSet()));
        assertThat(meters.find("gyre.stage.events").tags("stage", "score-shadow", "outcome", "out").counter().count())
            .isEqualTo(300);
        assertThat(count(meters, ServingMetrics.PREDICTIONS, "version", "2")).isEqualTo(300);

        registry.shadow("m", null);
        awaitSubscription(input, "gyre-swap-score-shadow", false);
        events.send(100);
        assertThat(served.await(400, 20_000)).hasSize(400);
        Thread.sleep(1_000);
        assertThat(shadow.seen()).as("no shadow predictions once the shadow ended").hasSize(300);
        runner.stop(Duration.ofSeconds(30));
      }
    }
  }

  /** Waits until the subscription has a consumer ({@code connected}) or none. */
  private static void awaitSubscription(String topic, String subscription, boolean connected) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      var stats = TestPulsar.admin().topics().getStats(topic).getSubscriptions().get(subscription);
      if ((stats != null && !stats.getConsumers().isEmpty()) == connected) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("subscription " + subscription + " did not become " + (connected ? "connected" : "idle"));
  }

  /** For each key, the versions of its predictions in sequence order, with repeats collapsed. */
  private static Map<String, List<String>> perKeyVersionRuns(List<Prediction> all) {
    Map<String, List<String>> runs = new TreeMap<>();
    all.stream().sorted(Comparator.comparingLong(Prediction::seq)).forEach(p -> {
      List<String> keyRuns = runs.computeIfAbsent(p.key(), k -> new ArrayList<>());
      if (keyRuns.isEmpty() || !keyRuns.get(keyRuns.size() - 1).equals(p.version())) {
        keyRuns.add(p.version());
      }
    });
    return runs;
  }

  /** Stores version {@code as}: the file of {@code from}, but a record claiming another SHA-256. */
  private static void tamperedCopy(ModelRegistry registry, String from, String as) throws Exception {
    push(registry, from, v2);
    ModelVersion real = registry.require("m", from);
    ModelVersion forged = new ModelVersion("m", as, "onnx", ModelFiles.sha256(new byte[] {1}), real.sizeBytes(),
        real.inputs(), real.labels(), null, real.pushedAt(), "test", "forged", "", real.payload());
    try (Producer<byte[]> producer = TestPulsar.client().newProducer(Schema.BYTES)
        .topic(RegistryTopics.of(registry.namespace()).versions()).create()) {
      producer.newMessage().key(forged.key()).value(RecordJson.write(forged)).send();
    }
    registry.refresh();
  }

  private static void awaitCount(SimpleMeterRegistry meters, int failures) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (count(meters, ServingMetrics.SWAPS, "outcome", "failed") < failures
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(count(meters, ServingMetrics.SWAPS, "outcome", "failed")).isEqualTo(failures);
  }
}
