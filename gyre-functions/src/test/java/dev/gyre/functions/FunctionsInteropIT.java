package dev.gyre.functions;

import static dev.gyre.functions.Outputs.byTs;
import static dev.gyre.functions.Outputs.deadLetters;
import static dev.gyre.functions.Outputs.json;
import static dev.gyre.functions.Outputs.keys;
import static dev.gyre.functions.Outputs.read;
import static dev.gyre.functions.Outputs.reasons;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.functions.internal.MessageProperties;
import dev.gyre.pulsar.PipelineRunner;
import dev.gyre.pulsar.TopicProvisioner;
import dev.gyre.spec.SpecLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gyre's stages as plain Pulsar Functions on the official distribution: deployed with
 * {@code pulsar-admin functions create}, fed with {@code pulsar-client produce}, and compared, input
 * by input, with Gyre's own stage host running the same spec on another tenant.
 */
class FunctionsInteropIT {
  /** The shaded jar of the package phase; Failsafe passes its path. */
  private static final Path JAR = Path.of(System.getProperty("gyre.functions.jar",
      "target/gyre-functions-" + System.getProperty("gyre.version", "0.1.0-SNAPSHOT") + "-all.jar"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String README_EVENT = "{\"deviceId\": \"1234\", \"temp\": 37.4, \"ts\": 1689912010}";
  private static final List<String> GOOD = List.of(README_EVENT,
      "{\"deviceId\": \"1234\", \"temp\": 37, \"ts\": 1689915610}",
      "{\"deviceId\": \"d2\", \"temp\": 12.5, \"ts\": 1689919210, \"site\": \"lab\"}",
      "{\"deviceId\": \"d3\", \"temp\": -3.25, \"ts\": 1689922810}");
  private static final Map<String, String> MALFORMED = Map.of(
      "{\"deviceId\": \"d1\", \"temp\": 4", "malformed-json",
      "{\"deviceId\": \"d1\", \"ts\": 1689930010}", "missing-field",
      "{\"deviceId\": \"d1\", \"temp\": \"hot\", \"ts\": 1689930010}", "wrong-type",
      "{\"deviceId\": \"d1\", \"temp\": NaN, \"ts\": 1689930010}", "not-finite",
      "[1, 2]", "not-an-object",
      "{\"deviceId\": \"d1\", \"temp\": 30, \"ts\": 1, \"pad\": \"" + "x".repeat(70_000) + "\"}", "oversized");
  /** Sent with the Java client: a keyed event with an event time. */
  private static final String PROBE = "{\"deviceId\": \"probe\", \"temp\": 20, \"ts\": 1689933610}";
  private static final long PROBE_EVENT_TIME = 1_689_933_610_000L;

  private static WorkerPulsar worker;

  @BeforeAll
  static void startPulsarWithFunctionsWorker() throws Exception {
    long started = System.nanoTime();
    worker = new WorkerPulsar();
    System.out.printf("standalone with functions worker ready in %d ms%n", millisSince(started));
  }

  @AfterAll
  static void stopPulsar() throws Exception {
    if (worker != null) {
      worker.close();
    }
  }

  @Test
  void shouldRunTheSensorStagesAsFunctionsWithTheOutputsAndDeadLettersOfGyresOwnHost(@TempDir Path dir)
      throws Exception {
    long started = System.nanoTime();
    Path functionsSpec = sensorExample(dir, "pipeline-functions.yaml", "fn-interop");
    Path hostSpec = sensorExample(dir, "pipeline-host.yaml", "host-interop");
    SensorModel.train(functionsSpec);
    try (PipelinePlan functions = plan(functionsSpec); PipelinePlan host = plan(hostSpec);
         PipelineRunner runner = new PipelineRunner(host, worker.client, new SimpleMeterRegistry(), Clock.systemUTC())) {
      new TopicProvisioner(worker.admin).provision(functions.topics());
      String tenant = tenantOf(functions.spec().source().topic());
      String spec = Files.readString(functionsSpec);
      List<OfficialTools.Run> creates = new ArrayList<>();
      for (var stage : functions.stages()) {
        creates.add(worker.tools.admin("functions", "create", "--jar", JAR.toString(),
            "--classname", GyreStageFunction.class.getName(),
            "--tenant", tenant, "--namespace", namespaceOf(stage.outputTopic()), "--name", "sensor-" + stage.name(),
            "--inputs", stage.inputTopic(), "--output", stage.outputTopic(),
            "--subs-position", "Earliest", "--retain-key-ordering", "--batch-builder", "KEY_BASED",
            "--user-config", JSON.writeValueAsString(Map.of("stage", stage.name(), "spec", spec,
                "specDir", dir.toString()))));
      }
      runner.start(worker.admin);
      for (OfficialTools.Run create : creates) {
        assertThat(create.await().requireSuccess().output()).contains("Created successfully");
      }
      System.out.printf("functions created after %d ms%n", millisSince(started));

      List<String> all = new ArrayList<>(GOOD);
      all.addAll(MALFORMED.keySet());
      List<OfficialTools.Run> produces = new ArrayList<>();
      for (PipelinePlan plan : List.of(functions, host)) {
        produces.add(worker.tools.client("produce", plan.spec().source().topic(), "-s", "\\n", "-p", "trace=interop-it",
            "-m", String.join("\n", all)));
        sendProbe(plan.spec().source().topic());
      }
      for (OfficialTools.Run produce : produces) {
        assertThat(produce.await().requireSuccess().output()).contains((all.size()) + " messages successfully produced");
      }

      int good = GOOD.size() + 1;
      Map<Long, Message<byte[]>> fnFeatures = byTs(read(worker.client, functions.stages().get(0).outputTopic(), good));
      System.out.printf("first stage's outputs read after %d ms%n", millisSince(started));
      Map<Long, Message<byte[]>> fnPredictions = byTs(read(worker.client, functions.finalTopic(), good));
      if (fnFeatures.size() != good || fnPredictions.size() != good) {
        System.out.println("features: " + json(fnFeatures) + "\npredictions: " + json(fnPredictions));
        functions.stages().forEach(s -> System.out.println(worker.tools.functionLog(tenant,
            namespaceOf(s.outputTopic()), "sensor-" + s.name())));
      }
      Map<Long, Message<byte[]>> hostFeatures = byTs(read(worker.client, host.stages().get(0).outputTopic(), good));
      Map<Long, Message<byte[]>> hostPredictions = byTs(read(worker.client, host.finalTopic(), good));
      List<Message<byte[]>> fnDead = read(worker.client, functions.stages().get(0).deadLetterTopic(), MALFORMED.size());
      List<Message<byte[]>> hostDead = read(worker.client, host.stages().get(0).deadLetterTopic(), MALFORMED.size());
      System.out.printf("all outputs read after %d ms%n", millisSince(started));

      // The README's example event.
      JsonNode features = json(fnFeatures.get(1689912010L));
      assertThat(features.get("temp_scaled").asDouble()).isCloseTo(1.74, within(1e-9));
      assertThat(features.get("alert").asBoolean()).isTrue();
      JsonNode prediction = json(fnPredictions.get(1689912010L));
      assertThat(prediction.get("prediction").asText()).isIn("warming", "steady");
      assertThat(prediction.get("probability").asDouble()).isBetween(0.0, 1.0);
      assertThat(prediction.get("model").asText()).isEqualTo("sensor-warming");
      assertThat(prediction.get("model_version").asText()).isEqualTo("1");

      // Every input: the same outputs, with the same keys, as Gyre's own stage host.
      assertThat(fnFeatures).hasSize(good);
      assertThat(fnPredictions).hasSize(good);
      assertThat(json(fnFeatures)).isEqualTo(json(hostFeatures));
      assertThat(json(fnPredictions)).isEqualTo(json(hostPredictions));
      assertThat(keys(fnFeatures)).isEqualTo(keys(hostFeatures)).containsEntry(1689912010L, "1234");
      assertThat(keys(fnPredictions)).isEqualTo(keys(hostPredictions));
      assertThat(fnPredictions.values()).allSatisfy(m -> assertThat(m.getProperties())
          .containsEntry("trace", "interop-it").containsKey(MessageProperties.INGEST_MILLIS));

      // The same dead letters: original payload, reason and detail.
      assertThat(deadLetters(fnDead)).isEqualTo(deadLetters(hostDead));
      assertThat(reasons(fnDead)).isEqualTo(MALFORMED);
      assertThat(fnDead).allSatisfy(m -> assertThat(m.getProperties())
          .containsEntry(MessageProperties.STAGE, "transform")
          .containsEntry(MessageProperties.SOURCE_TOPIC, functions.spec().source().topic())
          .containsEntry("trace", "interop-it")
          .containsKey(MessageProperties.SOURCE_MESSAGE_ID));
      assertThat(read(worker.client, functions.stages().get(1).deadLetterTopic(), 0)).isEmpty();

      Message<byte[]> fnProbe = fnPredictions.get(1689933610L);
      Message<byte[]> hostProbe = hostPredictions.get(1689933610L);
      assertThat(fnDead).allSatisfy(m -> assertThat(m.getProperty(MessageProperties.SOURCE_MESSAGE_ID))
          .as("formatted like the stage host's, e.g. " + hostDead.get(0).getProperty(MessageProperties.SOURCE_MESSAGE_ID))
          .matches("\\d+:\\d+:-?\\d+(:\\d+)?"));
      System.out.printf("probe: function key %s event time %d properties %s; host key %s event time %d%n",
          fnProbe.getKey(), fnProbe.getEventTime(), fnProbe.getProperties(), hostProbe.getKey(),
          hostProbe.getEventTime());
      assertThat(fnProbe.getKey()).isEqualTo(hostProbe.getKey()).isEqualTo("probe-key");
      assertThat(hostProbe.getEventTime()).isEqualTo(PROBE_EVENT_TIME);
      // A known difference: the Functions runtime sets an output's event time only for inputs that
      // come from a connector, never from a topic (PulsarSink.write in 4.0.x), whatever the record says.
      assertThat(fnProbe.getEventTime()).isZero();
    }
    System.out.printf("test done in %d ms%n", millisSince(started));
  }

  @Test
  void shouldStopTheInstanceAtStartAndLogTheUserConfigProblem(@TempDir Path dir) throws Exception {
    long started = System.nanoTime();
    Path specFile = sensorExample(dir, "pipeline.yaml", "fn-broken");
    PipelinePlan plan = new PipelinePlanner(d -> {
      throw new dev.gyre.api.ModelException("not needed");
    }).plan(SpecLoader.load(specFile), 1);
    new TopicProvisioner(worker.admin).provision(plan.topics());
    String tenant = tenantOf(plan.spec().source().topic());
    // No "stage" key.
    worker.tools.admin("functions", "create", "--jar", JAR.toString(), "--classname", GyreStageFunction.class.getName(),
        "--tenant", tenant, "--namespace", "features", "--name", "sensor-broken",
        "--inputs", plan.spec().source().topic(), "--output", plan.finalTopic(),
        "--user-config", JSON.writeValueAsString(Map.of("spec", Files.readString(specFile)))).await().requireSuccess();

    String error = worker.awaitStoppedInstance(tenant, "features", "sensor-broken");
    System.out.printf("instance stopped after %d ms, status error: %s%n", millisSince(started), error);
    // The process runtime shows a dead instance as not running, with the error of its status call;
    // the instance's own log says why it stopped.
    OfficialTools.Result status = worker.tools.admin("functions", "status", "--tenant", tenant, "--namespace", "features",
        "--name", "sensor-broken").await().requireSuccess();
    assertThat(status.output()).contains("\"numRunning\" : 0", "\"running\" : false");
    assertThat(worker.tools.functionLog(tenant, "features", "sensor-broken"))
        .contains("--user-config.stage: was missing but it is required; add \"stage\"");
    System.out.printf("test done in %d ms%n", millisSince(started));
  }

  /** A copy of the sensor example's spec (and its data) in {@code dir}, on a tenant of its own. */
  private static Path sensorExample(Path dir, String name, String tenantPrefix) throws Exception {
    Path example = Path.of("..", "examples", "sensor").toAbsolutePath().normalize();
    Path data = dir.resolve("data/seattle-temps.csv");
    if (!Files.exists(data)) {
      Files.createDirectories(data.getParent());
      Files.copy(example.resolve("data/seattle-temps.csv"), data);
    }
    String tenant = worker.tenant(tenantPrefix);
    String spec = Files.readString(example.resolve("pipeline.yaml")).replace("persistent://ml/", "persistent://" + tenant + "/");
    return Files.writeString(dir.resolve(name), spec);
  }

  private static PipelinePlan plan(Path spec) {
    return new PipelinePlanner(ModelLoader.serviceLoader()).plan(SpecLoader.load(spec));
  }

  private static void sendProbe(String topic) throws Exception {
    try (var producer = worker.client.newProducer(Schema.BYTES).topic(topic).create()) {
      producer.newMessage().key("probe-key").eventTime(PROBE_EVENT_TIME).property("trace", "interop-it")
          .value(PROBE.getBytes(StandardCharsets.UTF_8)).send();
    }
  }

  private static String tenantOf(String topic) {
    return topic.split("/")[2];
  }

  private static String namespaceOf(String topic) {
    return topic.split("/")[3];
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
