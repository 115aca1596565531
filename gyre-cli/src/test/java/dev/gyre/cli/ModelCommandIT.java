package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.cli.demo.SensorData;
import dev.gyre.pulsar.TestPulsar;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** {@code gyre model push | list | promote | rollback | canary} against a real broker, as a user types them. */
class ModelCommandIT {

  @Test
  void shouldManageVersionsWithClearMessagesAndExitCodes(@TempDir Path dir, TestInfo test) throws Exception {
    Path spec = CliRun.sensorExample(dir);
    Path csv = dir.resolve("train.csv");
    SensorData.read(dir.resolve("data/seattle-temps.csv")).writeTrainingSet(csv);
    Path model = dir.resolve("model/sensor-warming.onnx");
    assertThat(CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warming").exitCode()).isZero();
    Path v2 = Files.copy(model, dir.resolve("v2.onnx"));
    assertThat(CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warming", "--seed", "7",
        "--epochs", "3").exitCode()).isZero();
    String registry = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName()) + "/models";
    String[] at = {"--registry", registry, "--service-url", TestPulsar.broker().serviceUrl(),
        "--admin-url", TestPulsar.broker().adminUrl()};

    CliRun push1 = model(at, "push", spec.toString());
    assertThat(push1.exitCode()).as(push1.err()).isZero();
    assertThat(push1.out()).contains("Pushed model 'sensor-warming' version 1 to " + registry,
        "inputs temp_scaled, hour_sin, hour_cos", "holdout accuracy", "gyre model promote sensor-warming 1");
    assertThat(model(at, "push", spec.toString()).out()).contains("is in " + registry + " already, with the same file");
    CliRun push2 = model(at, "push", "--name", "sensor-warming", "--version", "2", "--file", v2.toString());
    assertThat(push2.exitCode()).as(push2.err()).isZero();

    CliRun changed = model(at, "push", "--name", "sensor-warming", "--version", "1", "--file", v2.toString());
    assertThat(changed.exitCode()).isEqualTo(1);
    assertThat(changed.err()).contains("version 1 of 'sensor-warming' exists already with another file");
    CliRun serialized = model(at, "push", "--name", "x", "--version", "1", "--file", javaSerialized(dir).toString());
    assertThat(serialized.exitCode()).isEqualTo(1);
    assertThat(serialized.err()).contains("is refused: it is a Java serialization stream");
    CliRun wrongSha = model(at, "push", "--name", "x", "--version", "1", "--file", v2.toString(), "--sha256", "ab12");
    assertThat(wrongSha.exitCode()).isEqualTo(1);
    assertThat(wrongSha.err()).contains("but ab12 was expected");

    CliRun unknown = model(at, "promote", "sensor-warming", "9");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("VERSION: was '9' but it is not a version of model 'sensor-warming'",
        "versions: 1, 2");
    assertThat(model(at, "promote", "sensor-warming", "1").out()).contains("Promoted model 'sensor-warming' version 1");
    assertThat(model(at, "promote", "sensor-warming", "2").out()).contains("version 2", "(was 1)");
    assertThat(model(at, "promote", "sensor-warming", "2").out()).contains("is the champion in " + registry + " already");
    CliRun canary = model(at, "canary", "sensor-warming", "1", "--share", "0.1");
    assertThat(canary.exitCode()).as(canary.err()).isZero();
    assertThat(canary.out()).contains("version 1 serves 10% of keys (sticky by key); champion 2 serves the rest");
    assertThat(model(at, "canary", "sensor-warming", "1", "--share", "1.5").exitCode()).isEqualTo(2);

    CliRun list = model(at, "list", "sensor-warming");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).containsPattern("\\n  1 .*canary \\(10% of keys\\)").containsPattern("\\n  2 .*champion");
    assertThat(model(at, "list").out()).contains("sensor-warming", "2 version(s), champion 2, canary 1 (10% of keys)");
    assertThat(model(at, "canary", "sensor-warming", "--share", "0").out()).contains("version 2 serves every key");

    assertThat(model(at, "rollback", "sensor-warming").out()).contains("version 1 serves again (was 2)");
    CliRun noMore = model(at, "rollback", "sensor-warming");
    assertThat(noMore.exitCode()).isEqualTo(1);
    assertThat(noMore.err()).contains("has no earlier champion to roll back to (version 1 serves)");
  }

  private static CliRun model(String[] at, String... args) {
    List<String> all = new ArrayList<>(List.of("model"));
    all.addAll(List.of(args));
    all.addAll(List.of(at));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static Path javaSerialized(Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(List.of(1.0, 2.0)));
    }
    return Files.write(dir.resolve("model.ser"), bytes.toByteArray());
  }
}
