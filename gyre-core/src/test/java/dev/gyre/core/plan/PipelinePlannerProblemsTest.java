package dev.gyre.core.plan;

import static dev.gyre.core.SensorSpecs.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gyre.api.ModelException;
import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.core.SensorSpecs;
import dev.gyre.core.ThresholdModel;
import dev.gyre.spec.ErrorPolicy;
import dev.gyre.spec.FeatureSpec;
import dev.gyre.spec.FeatureStageSpec;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import dev.gyre.spec.PipelineSpec;
import dev.gyre.spec.RuntimeSpec;
import dev.gyre.spec.SchemaFormat;
import dev.gyre.spec.SchemaSpec;
import dev.gyre.spec.SourceSpec;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLocations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Problems the planner finds after the spec has loaded: formulas, model inputs, models. Line numbers
 * refer to {@link SensorSpecs#SEED}: features on lines 17-18, the model's path on 25, its inputs on 26.
 */
class PipelinePlannerProblemsTest {
  private final List<ThresholdModel> loaded = new ArrayList<>();
  private final PipelinePlanner planner = new PipelinePlanner(d -> {
    ThresholdModel model = new ThresholdModel(d.name(), d.version(), d.inputs(), 1.5);
    loaded.add(model);
    return model;
  });

  private static SpecException failure(PipelinePlanner planner, SpecDocument document) {
    SpecException e = catchThrowableOfType(SpecException.class, () -> planner.plan(document));
    assertThat(e).as("planning should fail").isNotNull();
    return e;
  }

  private List<String> problems(String yaml) {
    return failure(planner, SensorSpecs.parse(yaml)).problems().stream().map(SpecProblem::toString).toList();
  }

  @Test
  void shouldReportEveryFormulaProblemWithPathAndLine() {
    List<String> problems = problems(SEED.replace("      - alert = temp_scaled > 1.5\n",
        "      - alert = tmp_scaled > 1.5\n      - label = deviceId - 1\n"));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .startsWith("stages[0].features[1] (line 18): was 'alert = tmp_scaled > 1.5' but it uses 'tmp_scaled'")
        .contains("did you mean 'temp_scaled'?")
        .endsWith("(column 1 of the expression)");
    assertThat(problems.get(1))
        .startsWith("stages[0].features[2] (line 19): was 'label = deviceId - 1' but it applies '-' to a STRING");
  }

  @Test
  void shouldReportEveryModelInputProblemWithPathAndLine() {
    List<String> problems = problems(SEED.replace("      inputs: [temp_scaled, alert]\n",
        "      inputs:\n        - humidity\n        - deviceId\n        - temp_scaled\n"));

    assertThat(problems).containsExactly(
        "stages[1].model.inputs[0] (line 27): was 'humidity' but it is not a field that reaches stage 'score'; "
            + "fields available: deviceId, temp, ts, site, temp_scaled, alert",
        "stages[1].model.inputs[1] (line 28): was 'deviceId' but it is a string field; model inputs must be numbers "
            + "or booleans (compute a numeric feature from it in a features stage)");
    assertThat(loaded).as("no model is loaded for inputs that do not fit").isEmpty();
  }

  @Test
  void shouldReportModelThatCannotBeLoadedAtItsPath() {
    PipelinePlanner failing = new PipelinePlanner(d -> {
      throw new ModelException("the file " + d.path() + " does not exist");
    });

    SpecException e = failure(failing, SensorSpecs.parse(SEED));

    assertThat(e.problems()).extracting(SpecProblem::toString).containsExactly(
        "stages[1].model.path (line 25): was 'model/sensor-warming.onnx' but it cannot be served: "
            + "the file /specs/model/sensor-warming.onnx does not exist");
  }

  @Test
  void shouldReportProblemsOfAllStagesTogether() {
    List<String> problems = problems(SEED
        .replace("      - alert = temp_scaled > 1.5\n", "      - alert = tmp_scaled > 1.5\n")
        .replace("inputs: [temp_scaled, alert]", "inputs: [deviceId, alert]"));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("stages[0].features[1] (line 18): ");
    assertThat(problems.get(1)).startsWith("stages[1].model.inputs[0] (line 26): was 'deviceId' but it is a string");
  }

  @Test
  void shouldRefuseScoreStageThatWouldOverwriteAField() {
    List<String> problems = problems(SEED.replace("      ts: long\n", "      ts: long\n      prediction: string\n"));

    assertThat(problems).singleElement().asString()
        .startsWith("stages[1] (line 20): ")
        .endsWith(" but it would overwrite the field 'prediction' that reaches it; rename that field");
  }

  @Test
  void shouldRenderEveryProblemWithItsLine() {
    SpecException e = failure(planner, SensorSpecs.parse(SEED.replace("      - alert = temp_scaled > 1.5\n",
        "      - alert = tmp_scaled > 1.5\n      - label = deviceId - 1\n")));

    assertThat(e.getMessage()).startsWith("2 problems in the spec:\n");
    assertThat(e.getMessage().lines().skip(1))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).containsPattern("^  - stages\\[0]\\.features\\[\\d] \\(line \\d+\\): "));
  }

  @Test
  void shouldCloseLoadedModelsWhenALaterStageFails() {
    String yaml = SEED.replace("feedback:\n", """
          - name: explain
            type: features
            output: persistent://ml/predictions/sensor-explained
            features:
              - confident = probability > threshold
        feedback:
        """);

    List<String> problems = problems(yaml);

    assertThat(problems).singleElement().asString().startsWith("stages[2].features[0] (line 31): ");
    assertThat(loaded).singleElement().satisfies(m -> assertThat(m.closed()).isTrue());
  }

  @Test
  void shouldRefuseSourceFieldNameFormulasCannotUseInSpecBuiltInCode() {
    PipelineSpec spec = new PipelineSpec("sensor", null, null,
        new SourceSpec("persistent://ml/raw/sensor-input", new SchemaSpec(SchemaFormat.JSON, List.of(
            new FieldSpec("device-id", FieldType.STRING, true), new FieldSpec("temp", FieldType.DOUBLE, true)), 1024)),
        List.of(new FeatureStageSpec("transform", "persistent://ml/features/sensor-transformed",
            "persistent://ml/features/sensor-transformed-dlq", 1, ErrorPolicy.DEAD_LETTER,
            List.of(new FeatureSpec("temp_scaled", "(temp - 20) / 10")))),
        null, RuntimeSpec.defaults());

    SpecException e = failure(planner, new SpecDocument(spec, null, SpecLocations.empty()));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("source.schema.fields.device-id");
      assertThat(p.reason()).startsWith("is not a usable field name");
    });
  }
}
