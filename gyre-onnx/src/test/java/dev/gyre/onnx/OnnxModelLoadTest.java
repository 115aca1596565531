package dev.gyre.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every load-time check fails with a message naming the file, the problem and the remedy. */
class OnnxModelLoadTest {
  private static final List<String> INPUTS = List.of("f0", "f1", "f2", "f3");

  @TempDir Path dir;

  private static AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails(
      Path file, List<String> inputs, Map<String, String> options) {
    ModelDescriptor d = new ModelDescriptor("churn", "7", "onnx", file, inputs, options);
    return assertThatThrownBy(() -> new OnnxModelProvider().load(d))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("model 'churn' version 7, file " + file.toAbsolutePath());
  }

  private Path tribuo(Map<String, String> metadata) throws Exception {
    return TestModels.tribuo(dir.resolve("m.onnx"), 4, 3, metadata);
  }

  @Test
  void shouldRejectMissingFile() {
    assertLoadFails(dir.resolve("nope.onnx"), INPUTS, Map.of())
        .hasMessageContaining("the file does not exist")
        .hasMessageContaining("Check model.path in the spec");
  }

  @Test
  void shouldRejectDirectory() {
    assertLoadFails(dir, INPUTS, Map.of()).hasMessageContaining("not a regular file");
  }

  @Test
  void shouldRejectFileLargerThanMaxBytes() throws Exception {
    Path file = tribuo(Map.of());
    assertLoadFails(file, INPUTS, Map.of("maxBytes", "100"))
        .hasMessageContaining("the file is " + Files.size(file) + " bytes, more than the limit of 100")
        .hasMessageContaining("raise the option maxBytes");
  }

  @Test
  void shouldRejectBadOrUnknownOptions() throws Exception {
    Path file = tribuo(Map.of());
    assertLoadFails(file, INPUTS, Map.of("maxBytes", "-3"))
        .hasMessageContaining("option maxBytes was '-3' but it must be a positive whole number");
    assertLoadFails(file, INPUTS, Map.of("maxbytes", "10"))
        .hasMessageContaining("unknown option(s) [maxbytes]")
        .hasMessageContaining("[intraOpThreads, maxBytes]");
  }

  @Test
  void shouldRejectFileThatIsNotOnnx() throws Exception {
    Path file = Files.writeString(dir.resolve("m.onnx"), "name,value\nx,1\n");
    assertLoadFails(file, INPUTS, Map.of())
        .hasMessageContaining("the file is not a valid ONNX model")
        .hasMessageContaining("Export the model to ONNX again");
  }

  @Test
  void shouldRejectFeatureCountDifferentFromSpecInputs() throws Exception {
    assertLoadFails(tribuo(Map.of()), List.of("f0", "f1", "f2"), Map.of())
        .hasMessageContaining("so 4 features, but the spec lists 3 inputs [f0, f1, f2]");
  }

  @Test
  void shouldRejectInputNamesInAnotherOrderShowingBothLists() throws Exception {
    Path file = tribuo(Map.of(OnnxModel.INPUTS_METADATA, "f0,f1,f2,f3"));
    assertLoadFails(file, List.of("f1", "f0", "f2", "f3"), Map.of())
        .hasMessageContaining("trained on inputs [f0, f1, f2, f3] (metadata gyre.inputs)"
            + " but the spec gives [f1, f0, f2, f3]");
  }

  @Test
  void shouldAcceptInputNamesInTheSameOrder() throws Exception {
    Path file = tribuo(Map.of(OnnxModel.INPUTS_METADATA, "f0,f1,f2,f3"));
    try (OnnxModel model = OnnxModel.load(new ModelDescriptor("m", "1", "onnx", file, INPUTS, Map.of()))) {
      assertThat(model.metadata()).containsEntry("gyre.inputs", "f0,f1,f2,f3");
    }
  }

  @Test
  void shouldRejectLabelMetadataOfTheWrongLength() throws Exception {
    assertLoadFails(tribuo(Map.of(OnnxModel.LABELS_METADATA, "a,b")), INPUTS, Map.of())
        .hasMessageContaining("gyre.labels names 2 classes [a, b] but output 'output' has 3 columns");
  }

  @Test
  void shouldRejectTwoWideInputsNamedAfterSpecInputs() throws Exception {
    assertLoadFails(TestModels.twoInputs(dir.resolve("two.onnx")), List.of("a", "b"), Map.of())
        .hasMessageContaining("the model's inputs [a, b] do not match the spec's inputs [a, b] by name:"
            + " inputs [a, b] are not [batch, 1];");
  }

  @Test
  void shouldAcceptASingleInt64Input() throws Exception {
    Path file = TestModels.int64Input(dir.resolve("int.onnx"));
    try (OnnxModel model = OnnxModel.load(new ModelDescriptor("m", "1", "onnx", file, List.of("a", "b"), Map.of()))) {
      assertThat(model.predict(new float[] {1, 4}).label()).isEqualTo("1");
    }
  }

  @Test
  void shouldRejectModelWithAFixedBatchOfManyRows() throws Exception {
    assertLoadFails(TestModels.regression(dir.resolve("r.onnx"), 2, 64), List.of("a", "b"), Map.of())
        .hasMessageContaining("has shape [64, 2], a fixed batch of 64 rows");
  }

  @Test
  void shouldRejectModelWithoutReadableOutput() throws Exception {
    assertLoadFails(TestModels.labelOnly(dir.resolve("l.onnx"), 2), List.of("a", "b"), Map.of())
        .hasMessageContaining("no output Gyre can read among [output_label: INT64 tensor [-1]]");
  }
}
