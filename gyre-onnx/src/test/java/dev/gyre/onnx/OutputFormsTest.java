package dev.gyre.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.Prediction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output forms other than Tribuo's probability tensor. */
class OutputFormsTest {
  private static final List<String> THREE = List.of("p0", "p1", "p2");

  @TempDir Path dir;

  private static OnnxModel load(Path file, List<String> inputs) {
    return OnnxModel.load(new ModelDescriptor("m", "1", "onnx", file, inputs, Map.of()));
  }

  @Test
  void shouldReadScikitLearnProbabilityMapsWithIntegerKeys() throws Exception {
    try (OnnxModel model = load(TestModels.zipMap(dir.resolve("z.onnx"), 3, false, Map.of()), THREE)) {
      assertThat(model.predict(new float[] {0.2f, 0.7f, 0.1f})).isEqualTo(new Prediction("1", 0.7f));
      assertThat(model.predict(new float[] {0.5f, 0.1f, 0.4f})).isEqualTo(new Prediction("0", 0.5f));
    }
  }

  @Test
  void shouldNameIntegerKeysFromLabelMetadata() throws Exception {
    Path file = TestModels.zipMap(dir.resolve("z.onnx"), 3, false, Map.of(OnnxModel.LABELS_METADATA, "cat,dog,emu"));
    try (OnnxModel model = load(file, THREE)) {
      assertThat(model.labels()).containsExactly("cat", "dog", "emu");
      assertThat(model.predict(new float[] {0.1f, 0.2f, 0.7f})).isEqualTo(new Prediction("emu", 0.7f));
    }
  }

  @Test
  void shouldReadScikitLearnProbabilityMapsWithStringKeys() throws Exception {
    try (OnnxModel model = load(TestModels.zipMap(dir.resolve("z.onnx"), 3, true, Map.of()), THREE)) {
      assertThat(model.predict(new float[] {0.2f, 0.3f, 0.5f})).isEqualTo(new Prediction("k2", 0.5f));
    }
  }

  @Test
  void shouldReadRegressionValue() throws Exception {
    try (OnnxModel model = load(TestModels.regression(dir.resolve("r.onnx"), 3), THREE)) {
      assertThat(model.labels()).isEmpty();
      // 1*1.5 + 2*(-1) + 3*0.25 = 0.25
      assertThat(model.predict(new float[] {1.5f, -1f, 0.25f})).isEqualTo(new Prediction("0.25", 0.25f));
    }
  }
}
