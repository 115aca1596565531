package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordInvariantsTest {
  private static final String OUT = "persistent://t/n/out";
  private static final List<FeatureSpec> FEATURES = List.of(new FeatureSpec("y", "x * 2"));

  @Test
  void shouldCopyListsSoLaterChangesDoNotLeakIn() {
    List<String> inputs = new ArrayList<>(List.of("a"));
    ModelSpec model = new ModelSpec("m", "1", "onnx", Path.of("m.onnx"), inputs);
    inputs.add("b");

    assertThat(model.inputs()).containsExactly("a");
    assertThatThrownBy(() -> model.inputs().add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldRejectMissingPartsAndEmptyLists() {
    assertThatNullPointerException().isThrownBy(() -> new ModelSpec("m", null, "onnx", Path.of("m"), List.of("a")));
    assertThatIllegalArgumentException().isThrownBy(() -> new ModelSpec("m", "1", "onnx", Path.of("m"), List.of()));
    assertThatIllegalArgumentException().isThrownBy(() -> new SchemaSpec(SchemaFormat.JSON, List.of(), 10));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FeatureStageSpec("f", OUT, OUT + "-dlq", 1, ErrorPolicy.FAIL, List.of()));
  }

  @Test
  void shouldRejectRepeatedNames() {
    FieldSpec x = new FieldSpec("x", FieldType.INT, true);
    assertThatIllegalArgumentException().isThrownBy(() -> new SchemaSpec(SchemaFormat.JSON, List.of(x, x), 10));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ModelSpec("m", "1", "onnx", Path.of("m"), List.of("a", "a")));
  }

  @Test
  void shouldCheckStageNamesTopicsAndParallelism() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FeatureStageSpec("F", OUT, OUT + "-dlq", 1, ErrorPolicy.FAIL, FEATURES));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FeatureStageSpec("f", "out", OUT + "-dlq", 1, ErrorPolicy.FAIL, FEATURES));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FeatureStageSpec("f", OUT, OUT, 1, ErrorPolicy.FAIL, FEATURES));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FeatureStageSpec("f", OUT, OUT + "-dlq", 0, ErrorPolicy.FAIL, FEATURES));
  }

  @Test
  void shouldRejectNegativeBatchDelay() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RuntimeSpec(Duration.ofMillis(-1), 1, 1));
  }

  @Test
  void shouldNameEnumsAsYamlDoes() {
    assertThat(FieldType.DOUBLE.yamlName()).isEqualTo("double");
    assertThat(ErrorPolicy.DEAD_LETTER.yamlName()).isEqualTo("dead-letter");
    assertThat(SchemaFormat.JSON.yamlName()).isEqualTo("json");
    assertThat(StageSpec.defaultDeadLetterTopic(OUT)).isEqualTo(OUT + "-dlq");
  }
}
