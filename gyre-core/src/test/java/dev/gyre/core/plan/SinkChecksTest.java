package dev.gyre.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.core.SensorSpecs;
import dev.gyre.core.ThresholdModel;
import dev.gyre.spec.FieldSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sinks checked against the fields that reach them; {@code sinks:} starts on line 29 of the seed plus sinks. */
class SinkChecksTest {
  private final PipelinePlanner planner = new PipelinePlanner(d -> new ThresholdModel(d.name(), d.version(),
      d.inputs(), 1.5));

  @Test
  void shouldCheckWhenFormulasAgainstTheInputsFields() {
    SpecException e = catchThrowableOfType(SpecException.class, () -> planner.plan(SensorSpecs.parse(SensorSpecs.SEED
        + """
        sinks:
          - name: hook
            type: webhook
            url: http://x/y
            when: probability + 1
          - name: hook2
            type: webhook
            url: http://x/y
            when: tmp > 3
        """)));
    assertThat(e).isNotNull();
    List<String> problems = e.problems().stream().map(SpecProblem::toString).toList();
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).isEqualTo("sinks[0].when (line 33): was 'probability + 1' but it gives a number, "
        + "not a boolean; write a condition such as 'alert' or 'probability > 0.8'");
    assertThat(problems.get(1)).startsWith("sinks[1].when (line 37): was 'tmp > 3' but it ").contains("tmp");
  }

  @Test
  void shouldSeeDeadLettersAsPayloadAndWhy() {
    try (PipelinePlan plan = planner.plan(SensorSpecs.parse(SensorSpecs.SEED + """
        sinks:
          - name: dead
            type: webhook
            input: persistent://ml/features/sensor-transformed-dlq
            url: http://x/y
            when: reason == "missing-field"
          - {name: db, type: postgres, table: predictions}
        """))) {
      SinkInput dead = SinkInput.of(plan, plan.spec().sinks().get(0).input());
      assertThat(dead.deadLetters()).isTrue();
      assertThat(dead.fields()).isEqualTo(SinkInput.DEAD_LETTER_FIELDS);
      SinkInput predictions = SinkInput.of(plan, plan.spec().sinks().get(1).input());
      assertThat(predictions.topic()).isEqualTo(SensorSpecs.PREDICTIONS);
      assertThat(predictions.fields()).extracting(FieldSpec::name).endsWith("prediction", "probability", "model",
          "model_version");
      assertThat(SinkInput.of(plan, SensorSpecs.SOURCE).fields()).isEqualTo(plan.stages().get(0).inputFields());
    }
  }
}
