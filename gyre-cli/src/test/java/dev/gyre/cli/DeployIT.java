package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.cli.demo.SensorData;
import dev.gyre.pulsar.EmbeddedPulsar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gyre deploy | status | undeploy} against the official standalone with its functions
 * worker: the sensor pipeline runs as two plain Pulsar Functions, shows in status, updates in
 * place when deployed again, and is removed.
 */
class DeployIT {
  private static final Path JAR = Path.of("..", "gyre-functions", "target", "gyre-functions.jar");

  @Test
  void shouldDeployRunReportUpdateAndUndeployThePipelineAsFunctions(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir.resolve("sensor"));
    Path csv = dir.resolve("train.csv");
    SensorData.read(dir.resolve("sensor/data/seattle-temps.csv")).writeTrainingSet(csv);
    assertThat(CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warming").exitCode()).isZero();
    EmbeddedPulsar.Options options = EmbeddedPulsar.Options.defaults(Path.of(System.getProperty("user.home"), ".gyre"))
        .withDataDir(dir.resolve("pulsar")).withPorts(0, 0).withFunctionsWorker(true);
    try (EmbeddedPulsar pulsar = EmbeddedPulsar.start(options);
         PulsarClient client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build()) {
      String admin = pulsar.adminUrl();

      CliRun deploy = CliRun.of("deploy", spec.toString(), "--admin-url", admin, "--jar", JAR.toString());
      assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
      assertThat(deploy.out()).contains("created ml/features/sensor-transform", "created ml/predictions/sensor-score");
      awaitRunning(spec, admin);

      try (Producer<byte[]> producer = client.newProducer(Schema.BYTES).topic("persistent://ml/raw/sensor-input").create();
           Consumer<byte[]> predictions = client.newConsumer(Schema.BYTES).topic("persistent://ml/predictions/sensor-warming")
               .subscriptionName("deploy-it").subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
        for (int i = 0; i < 20; i++) {
          producer.send(("{\"deviceId\": \"d" + i + "\", \"temp\": 41.5, \"ts\": 1262304000}").getBytes(StandardCharsets.UTF_8));
        }
        producer.send("{\"deviceId\": \"d1\", \"temp\": \"hot\"}".getBytes(StandardCharsets.UTF_8));
        int received = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received < 20 && System.nanoTime() < deadline) {
          Message<byte[]> m = predictions.receive(1, TimeUnit.SECONDS);
          if (m != null) {
            assertThat(new String(m.getValue(), StandardCharsets.UTF_8)).contains("\"model\":\"sensor-warming\"");
            received++;
          }
        }
        assertThat(received).isEqualTo(20);
      }
      CliRun status = CliRun.of("status", spec.toString(), "--admin-url", admin);
      assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
      assertThat(status.out()).contains("transform", "score", "1/1", "ml/features/sensor-transform");

      Files.writeString(spec, Files.readString(spec).replace("parallelism: 1", "parallelism: 2"));
      CliRun again = CliRun.of("deploy", spec.toString(), "--admin-url", admin, "--jar", JAR.toString());
      assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
      assertThat(again.out()).contains("updated ml/features/sensor-transform", "updated ml/predictions/sensor-score");

      CliRun undeploy = CliRun.of("undeploy", spec.toString(), "--admin-url", admin);
      assertThat(undeploy.out()).contains("removed ml/features/sensor-transform", "removed ml/predictions/sensor-score");
      CliRun gone = CliRun.of("status", spec.toString(), "--admin-url", admin);
      assertThat(gone.exitCode()).isEqualTo(1);
      assertThat(gone.out()).contains("not deployed");
    }
  }

  private static void awaitRunning(Path spec, String admin) throws InterruptedException {
    // Each function instance is its own JVM that loads ONNX Runtime: slow on a loaded 2-core machine.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    CliRun status = null;
    while (System.nanoTime() < deadline) {
      status = CliRun.of("status", spec.toString(), "--admin-url", admin);
      if (status.exitCode() == 0) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("functions not running after 180 s:\n" + status.out() + status.err()
        + functionLog("ml/predictions/sensor-score") + functionLog("ml/features/sensor-transform"));
  }

  /** The tail of a function's own log, which the worker keeps under the distribution's logs/functions. */
  private static String functionLog(String function) {
    Path dir = Path.of(System.getProperty("user.home"), ".gyre", "pulsar", "apache-pulsar-4.0.8", "logs", "functions")
        .resolve(function);
    try (var logs = Files.walk(dir)) {
      StringBuilder text = new StringBuilder();
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
        var lines = Files.readAllLines(log);
        text.append("\n--- ").append(log).append('\n')
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
      }
      return text.toString();
    } catch (java.io.IOException e) {
      return "\n(no function log under " + dir + ")";
    }
  }
}
