package dev.gyre.core.stage;

import static dev.gyre.core.Json.bytes;
import static dev.gyre.core.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.api.InputRecord;
import dev.gyre.api.Model;
import dev.gyre.api.Outcome;
import dev.gyre.core.ThresholdModel;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score stage with a deterministic model double; real ONNX models are tested in gyre-onnx. */
class ScoreStageTest {
  private static final EventSchema SCHEMA = new EventSchema(List.of(
      new FieldSpec("deviceId", FieldType.STRING, true),
      new FieldSpec("temp_scaled", FieldType.DOUBLE, true),
      new FieldSpec("alert", FieldType.BOOLEAN, true),
      new FieldSpec("humidity", FieldType.DOUBLE, false)));

  private final ThresholdModel model = new ThresholdModel("sensor-warming", "3", List.of("temp_scaled", "alert"), 1.5,
      100.0);

  private static Outcome process(Model model, String json) {
    ScoreStage stage = new ScoreStage(new EventCodec(1024), SCHEMA, "deviceId", model);
    return stage.process(InputRecord.of(null, bytes(json)));
  }

  private static Outcome.Emit emitted(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Emit.class);
    return (Outcome.Emit) outcome;
  }

  private static Outcome.DeadLetter deadLettered(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.DeadLetter.class);
    return (Outcome.DeadLetter) outcome;
  }

  @Test
  void shouldAddPredictionProbabilityModelAndVersion() {
    Outcome.Emit emit = emitted(process(model,
        "{\"deviceId\": \"d-1\", \"temp_scaled\": 1.74, \"alert\": true, \"site\": \"roof\"}"));

    ObjectNode out = object(emit.value());
    assertThat(out.get("prediction").textValue()).isEqualTo("warming");
    assertThat(out.get("probability").doubleValue()).isEqualTo(0.9);
    assertThat(out.get("model").textValue()).isEqualTo("sensor-warming");
    assertThat(out.get("model_version").textValue()).isEqualTo("3");
    assertThat(out.get("site").textValue()).isEqualTo("roof");
    assertThat(out.get("temp_scaled").doubleValue()).isEqualTo(1.74);
    assertThat(emit.key()).isEqualTo("d-1");
  }

  @Test
  void shouldPredictFromInputsInModelOrder() {
    ObjectNode out = object(emitted(process(model,
        "{\"deviceId\": \"d-1\", \"alert\": true, \"temp_scaled\": 0.5}")).value());

    assertThat(out.get("prediction").textValue()).isEqualTo("normal");
    assertThat(out.get("probability").doubleValue()).isEqualTo(0.2);
    assertThat(model.rows()).singleElement().isEqualTo(new float[] {0.5f, 1f});
  }

  @Test
  void shouldFeedBooleanInputsAsOneAndZero() {
    process(model, "{\"deviceId\": \"d-1\", \"temp_scaled\": 1.74, \"alert\": true}");
    process(model, "{\"deviceId\": \"d-2\", \"temp_scaled\": 1.2, \"alert\": false}");

    assertThat(model.rows()).containsExactly(new float[] {1.74f, 1f}, new float[] {1.2f, 0f});
  }

  @Test
  void shouldDeadLetterMissingModelInputWithoutCallingModel() {
    ThresholdModel humid = new ThresholdModel("humid", "1", List.of("temp_scaled", "humidity"), 0.5);

    Outcome.DeadLetter dead = deadLettered(process(humid,
        "{\"deviceId\": \"d-1\", \"temp_scaled\": 1.74, \"alert\": true}"));

    assertThat(dead.reason()).isEqualTo("model-input");
    assertThat(dead.detail()).isEqualTo("the model input 'humidity' is missing");
    assertThat(humid.rows()).isEmpty();
  }

  @Test
  void shouldDeadLetterInputBeyondFloatRange() {
    Outcome.DeadLetter dead = deadLettered(process(model,
        "{\"deviceId\": \"d-1\", \"temp_scaled\": 1e39, \"alert\": true}"));

    assertThat(dead.reason()).isEqualTo("model-input");
    assertThat(dead.detail()).contains("'temp_scaled'").contains("not a finite 32-bit float");
  }

  @Test
  void shouldDeadLetterModelFailureAsModelError() {
    Outcome.DeadLetter dead = deadLettered(process(model,
        "{\"deviceId\": \"d-1\", \"temp_scaled\": 150.0, \"alert\": true}"));

    assertThat(dead.reason()).isEqualTo("model-error");
    assertThat(dead.detail()).startsWith("model 'sensor-warming' failed: ")
        .contains("outside the range the model was trained on");
  }

  @Test
  void shouldDeadLetterANonFiniteProbabilityInsteadOfWritingItAsText() {
    Model broken = new Model() {
      @Override
      public String name() {
        return "nan";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public List<String> inputs() {
        return List.of("temp_scaled");
      }

      @Override
      public dev.gyre.api.Prediction predict(float[] features) {
        return new dev.gyre.api.Prediction("warming", Double.NaN);
      }

      @Override
      public void close() {}
    };

    Outcome.DeadLetter dead = deadLettered(process(broken, "{\"deviceId\": \"d-1\", \"temp_scaled\": 1.0, \"alert\": false}"));

    assertThat(dead.reason()).isEqualTo("model-error");
    assertThat(dead.detail()).contains("NaN", "warming");
  }
}
