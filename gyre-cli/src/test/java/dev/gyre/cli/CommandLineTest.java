package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.cli.demo.SensorData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without a broker: exit codes and messages a user sees. */
class CommandLineTest {

  @Test
  void shouldExitWith2AndListEveryProblemOfAnInvalidSpec(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir);
    String broken = CliRun.lines(spec)
        .replace("temp_scaled > 1.5", "temp_scaled >")
        .replace("ts: long", "ts: timestamp")
        .replace("inputs: [temp_scaled, hour_sin, hour_cos]", "inputs: [temp_scaled, humidity]");
    Files.writeString(spec, broken);

    CliRun run = CliRun.of("validate", spec.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("source.schema.fields.ts", "timestamp", "(line ");
  }

  @Test
  void shouldReportFormulaAndModelInputProblemsTogether(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir);
    Files.writeString(spec, CliRun.lines(spec)
        .replace("temp_scaled > 1.5", "temp_scaled >")
        .replace("inputs: [temp_scaled, hour_sin, hour_cos]", "inputs: [temp_scaled, humidity]"));

    CliRun run = CliRun.of("validate", spec.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("stages[0].features[1]", "temp_scaled >");
  }

  @Test
  void shouldTrainTheSensorModelThenValidateTheSpec(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir);
    Path csv = dir.resolve("train.csv");
    SensorData.read(dir.resolve("data/seattle-temps.csv")).writeTrainingSet(csv);

    CliRun train = CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warming");
    CliRun validate = CliRun.of("validate", spec.toString());

    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(dir.resolve("model/sensor-warming.onnx")).isRegularFile();
    assertThat(train.out()).contains("holdout accuracy");
    assertThat(validate.exitCode()).as(validate.err()).isZero();
    assertThat(validate.out()).contains("is valid", "transform", "score");
  }

  @Test
  void shouldTrainARandomForestWithAlgorithmForestThenValidateTheSpec(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir);
    Path csv = dir.resolve("train.csv");
    SensorData.read(dir.resolve("data/seattle-temps.csv")).writeTrainingSet(csv);

    CliRun train = CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warming",
        "--algorithm", "forest", "--trees", "10", "--max-depth", "6");
    CliRun validate = CliRun.of("validate", spec.toString());

    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.out()).contains("holdout accuracy");
    assertThat(Files.readString(dir.resolve("model/sensor-warming.onnx"), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("TreeEnsembleClassifier", "\"algorithm\":\"RandomForestTrainer\"", "\"trees\":10,\"maxDepth\":6");
    assertThat(validate.exitCode()).as(validate.err()).isZero();
  }

  @Test
  void shouldExitWith2ForAnUnknownAlgorithmOrBadForestSettings(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir);
    Path csv = dir.resolve("train.csv");
    SensorData.read(dir.resolve("data/seattle-temps.csv")).writeTrainingSet(csv);

    CliRun boosted = CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warming",
        "--algorithm", "boosted");
    CliRun noTrees = CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warming",
        "--algorithm", "forest", "--trees", "0");

    assertThat(boosted.exitCode()).isEqualTo(2);
    assertThat(boosted.err()).contains("--algorithm: was 'boosted' but it must be logistic or forest");
    assertThat(noTrees.exitCode()).isEqualTo(2);
    assertThat(noTrees.err()).contains("trees was 0 but it must be between 1 and 1000");
    assertThat(dir.resolve("model/sensor-warming.onnx")).doesNotExist();
  }

  @Test
  void shouldExitWith2ForAnUnknownLabelColumn(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir);
    Path csv = dir.resolve("train.csv");
    SensorData.read(dir.resolve("data/seattle-temps.csv")).writeTrainingSet(csv);

    CliRun run = CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warmth");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--label", "warmth", "warming");
  }

  @Test
  void shouldExitWith2ForUnknownCommandsAndMissingOptions() {
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("train", "pipeline.yaml").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("validate").exitCode()).isEqualTo(2);
  }

  @Test
  void shouldExitWith2WhenOnlyOneBrokerUrlIsGiven(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir);
    Path csv = dir.resolve("train.csv");
    SensorData.read(dir.resolve("data/seattle-temps.csv")).writeTrainingSet(csv);
    CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warming");

    CliRun run = CliRun.of("run", spec.toString(), "--service-url", "pulsar://localhost:6650", "--metrics-port", "-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--admin-url", "--service-url");
  }

  @Test
  void shouldExitWith2ForAMissingSpecFile(@TempDir Path dir) {
    CliRun run = CliRun.of("validate", dir.resolve("nope.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope.yaml");
  }

  @Test
  void shouldExitWith2ForAnUnknownStatusRuntime(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir);

    CliRun run = CliRun.of("status", spec.toString(), "--runtime", "kubernetes");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--runtime", "kubernetes", "functions", "host");
  }
}
