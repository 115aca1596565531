package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {

  @Test
  void shouldLoadSeedExampleIntoRecords() {
    PipelineSpec spec = Specs.parse(Specs.seed());

    assertThat(spec).isEqualTo(new PipelineSpec(
        "sensor",
        "Hourly temperatures scored for warming.",
        "deviceId",
        new SourceSpec("persistent://ml/raw/sensor-input", new SchemaSpec(SchemaFormat.JSON, List.of(
            new FieldSpec("deviceId", FieldType.STRING, true),
            new FieldSpec("temp", FieldType.DOUBLE, true),
            new FieldSpec("ts", FieldType.LONG, true),
            new FieldSpec("site", FieldType.STRING, false)), 65536)),
        List.of(
            new FeatureStageSpec("transform", "persistent://ml/features/sensor-transformed",
                "persistent://ml/features/sensor-transformed-dlq", 1, ErrorPolicy.DEAD_LETTER, List.of(
                    new FeatureSpec("temp_scaled", "(temp - 20) / 10"),
                    new FeatureSpec("alert", "temp_scaled > 1.5"))),
            new ScoreStageSpec("score", "persistent://ml/predictions/sensor-warming",
                "persistent://ml/predictions/sensor-warming-dlq", 1, ErrorPolicy.DEAD_LETTER,
                new ModelSpec("sensor-warming", "1", "onnx", Specs.BASE.resolve("model/sensor-warming.onnx"),
                    List.of("temp_scaled", "hour_sin", "hour_cos")))),
        new FeedbackSpec("persistent://ml/feedback/outcomes"),
        new RuntimeSpec(Duration.ofMillis(1), 1000, 10000)));
  }

  @Test
  void shouldApplyEveryDefaultWhenOptionalKeysAreAbsent() {
    PipelineSpec spec = Specs.parse(Specs.MINIMAL + """
          - name: s
            type: score
            output: persistent://t/n/scores
            model:
              name: m
              path: m.onnx
              inputs: [y]
        """);

    assertThat(spec.description()).isNull();
    assertThat(spec.keyField()).isNull();
    assertThat(spec.feedback()).isNull();
    assertThat(spec.runtime()).isEqualTo(RuntimeSpec.defaults())
        .isEqualTo(new RuntimeSpec(Duration.ofMillis(1), 1000, 10_000));
    assertThat(spec.source().schema().format()).isEqualTo(SchemaFormat.JSON);
    assertThat(spec.source().schema().maxMessageBytes()).isEqualTo(1_048_576);
    StageSpec score = spec.stages().get(1);
    assertThat(score.deadLetterTopic()).isEqualTo("persistent://t/n/scores-dlq");
    assertThat(score.parallelism()).isEqualTo(1);
    assertThat(score.onError()).isEqualTo(ErrorPolicy.DEAD_LETTER);
    assertThat(((ScoreStageSpec) score).model())
        .isEqualTo(new ModelSpec("m", "1", "onnx", Path.of("/specs/m.onnx"), List.of("y")));
  }

  @Test
  void shouldReadTheModelRegistryNamespace() {
    PipelineSpec spec = Specs.parse(Specs.MINIMAL + """
          - name: s
            type: score
            output: persistent://t/n/scores
            model: {name: m, path: m.onnx, inputs: [y], registry: ml/models}
        """);

    assertThat(((ScoreStageSpec) spec.stages().get(1)).model().registry()).isEqualTo("ml/models");
  }

  @Test
  void shouldReportARegistryThatIsNotANamespace() {
    List<String> problems = Specs.problems(Specs.MINIMAL + """
          - name: s
            type: score
            output: persistent://t/n/scores
            model: {name: m, path: m.onnx, inputs: [y], registry: persistent://ml/models/x}
        """);

    assertThat(problems).singleElement().asString().startsWith("stages[1].model.registry (line ")
        .endsWith("was 'persistent://ml/models/x' but it is not a Pulsar namespace; use the form"
            + " tenant/namespace, such as ml/models");
  }

  @Test
  void shouldChainStagesFromSourceTopic() {
    PipelineSpec spec = Specs.parse(Specs.seed());

    assertThat(spec.inputOf(0)).isEqualTo("persistent://ml/raw/sensor-input");
    assertThat(spec.inputOf(1)).isEqualTo("persistent://ml/features/sensor-transformed");
  }

  @Test
  void shouldResolveModelPathAgainstSpecFileDirectoryWhenLoadingFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("pipeline.yaml"), Specs.seed());

    SpecDocument doc = SpecLoader.load(file);

    assertThat(doc.file()).isEqualTo(file);
    ScoreStageSpec score = (ScoreStageSpec) doc.spec().stages().get(1);
    assertThat(score.model().path()).isEqualTo(dir.toAbsolutePath().resolve("model/sensor-warming.onnx"));
  }

  @Test
  void shouldKeepModelPathAsWrittenWithoutBaseDirectory() {
    SpecDocument doc = SpecLoader.parse(Specs.seed(), null);

    assertThat(((ScoreStageSpec) doc.spec().stages().get(1)).model().path())
        .isEqualTo(Path.of("model/sensor-warming.onnx"));
    assertThat(doc.file()).isNull();
  }

  @Test
  void shouldKeepLocationsOfLoadedSpecForLaterChecks() {
    SpecDocument doc = SpecLoader.parse(Specs.seed(), Specs.BASE);

    assertThat(doc.locations().lineOf("stages[0].features[1]")).isEqualTo(20);
    assertThat(doc.locations().valueAt("stages[1].model.inputs[1]")).isEqualTo("hour_sin");
    assertThat(doc.locations().problem("stages[1].model.inputs[1]", "is not computed by any stage").toString())
        .isEqualTo("stages[1].model.inputs[1] (line 32): was 'hour_sin' but it is not computed by any stage");
  }

  @Test
  void shouldReportFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SpecLoader.load(file)))
        .hasMessage("1 problem in the spec:\n  - (document): was '" + file + "' but it is not UTF-8 text; "
            + "save the spec as UTF-8");
  }

  @Test
  void shouldReportMissingFileByItsPath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SpecLoader.load(missing)))
        .isInstanceOf(dev.gyre.api.SpecException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }
}
