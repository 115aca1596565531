package dev.gyre.onnx;

import static dev.gyre.onnx.InputModels.DOUBLE;
import static dev.gyre.onnx.InputModels.INT64;
import static dev.gyre.onnx.InputModels.STRING;
import static dev.gyre.onnx.TestModels.FLOAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import dev.gyre.onnx.InputModels.Input;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models with several inputs, and double and int64 inputs, fed from the spec's float rows. */
class MultiInputTest {
  private static final List<String> ABC = List.of("a", "b", "c");

  @TempDir Path dir;

  private static OnnxModel load(Path file, List<String> inputs) {
    return OnnxModel.load(new ModelDescriptor("m", "1", "onnx", file, inputs, Map.of()));
  }

  private static Prediction value(float v) {
    return new Prediction(Float.toString(v), v);
  }

  @Test
  void shouldMatchUnitInputsToSpecInputsByNameInAnyOrder() throws Exception {
    Path file = InputModels.decimal(dir.resolve("m.onnx"),
        List.of(new Input("c", FLOAT, 1), new Input("a", FLOAT, 1), new Input("b", FLOAT, 1)), ABC, Map.of());
    try (OnnxModel model = load(file, ABC)) {
      assertThat(model.predict(new float[] {1, 2, 3})).isEqualTo(value(321));
      assertThat(model.predictBatch(FloatBuffer.wrap(new float[] {1, 2, 3, 4, 5, 6}), 2))
          .containsExactly(value(321), value(654));
    }
  }

  @Test
  void shouldEqualOnnxRuntimeFedTensorByTensorForManyRows() throws Exception {
    Path file = InputModels.decimal(dir.resolve("m.onnx"),
        List.of(new Input("b", FLOAT, 1), new Input("c", DOUBLE, 1), new Input("a", FLOAT, 1)), ABC, Map.of());
    Random random = new Random(5);
    int rows = 300;
    float[][] a = new float[rows][1];
    float[][] b = new float[rows][1];
    double[][] c = new double[rows][1];
    FloatBuffer flat = FloatBuffer.allocate(rows * 3);
    for (int r = 0; r < rows; r++) {
      a[r][0] = (float) random.nextGaussian();
      b[r][0] = (float) random.nextGaussian();
      c[r][0] = (float) random.nextGaussian();
      flat.put(a[r][0]).put(b[r][0]).put((float) c[r][0]);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxModel model = load(file, ABC);
        OrtSession direct = env.createSession(file.toString(), new OrtSession.SessionOptions());
        OnnxTensor ta = OnnxTensor.createTensor(env, a);
        OnnxTensor tb = OnnxTensor.createTensor(env, b);
        OnnxTensor tc = OnnxTensor.createTensor(env, c);
        OrtSession.Result result = direct.run(Map.of("a", ta, "b", tb, "c", tc))) {
      float[][] expected = (float[][]) result.get("y").orElseThrow().getValue();
      Prediction[] batch = model.predictBatch(flat, rows);
      for (int r = 0; r < rows; r++) {
        assertThat(model.predict(new float[] {a[r][0], b[r][0], (float) c[r][0]})).as("row %d", r)
            .isEqualTo(value(expected[r][0]));
        assertThat(batch[r]).as("row %d in a batch", r).isEqualTo(value(expected[r][0]));
      }
    }
  }

  @Test
  void shouldSplitRowsAcrossWideInputsInTheOrderOfInputsMetadata() throws Exception {
    Path file = InputModels.decimal(dir.resolve("m.onnx"),
        List.of(new Input("left", FLOAT, 2), new Input("right", FLOAT, 1)), List.of("left", "right"),
        Map.of(OnnxModel.INPUTS_METADATA, "a,b,c"));
    try (OnnxModel model = load(file, ABC)) {
      assertThat(model.predict(new float[] {1, 2, 3})).isEqualTo(value(321));
      assertThat(model.predictBatch(FloatBuffer.wrap(new float[] {1, 2, 3, 7, 8, 9}), 2))
          .containsExactly(value(321), value(987));
    }
  }

  @Test
  void shouldFeedInt64InputsWholeFloatsAndRefuseFractions() throws Exception {
    Path file = InputModels.decimal(dir.resolve("m.onnx"),
        List.of(new Input("count", INT64, 1), new Input("level", DOUBLE, 1)), List.of("count", "level"), Map.of());
    List<String> inputs = List.of("count", "level");
    try (OnnxModel model = load(file, inputs)) {
      assertThat(model.predict(new float[] {3, 0.5f})).isEqualTo(value(8));
      assertThat(model.predict(new float[] {-16_777_216f, 0})).isEqualTo(value(-16_777_216f));
      assertThatThrownBy(() -> model.predict(new float[] {2.5f, 1}))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("input 'count' was 2.5 but model input 'count' is int64, so it must be a whole number");
      assertThatThrownBy(() -> model.predictBatch(FloatBuffer.wrap(new float[] {1, 1, 2, 2, 1e30f, 3}), 3))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("input 'count' of row 2 was 1.0E30");
    }
  }

  @Test
  void shouldRejectUnitInputsWhoseNamesAreNotTheSpecsShowingBothLists() throws Exception {
    Path file = InputModels.decimal(dir.resolve("m.onnx"),
        List.of(new Input("a", FLOAT, 1), new Input("b", FLOAT, 1), new Input("d", FLOAT, 1)),
        List.of("a", "b", "d"), Map.of());
    assertThatThrownBy(() -> load(file, ABC))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("the model's inputs [a, b, d] do not match the spec's inputs [a, b, c] by name:"
            + " model inputs [d] are not spec inputs; spec inputs [c] are not model inputs;");
  }

  @Test
  void shouldRejectWideInputsWithoutInputsMetadataShowingBothLists() throws Exception {
    Path file = InputModels.decimal(dir.resolve("m.onnx"),
        List.of(new Input("left", FLOAT, 2), new Input("right", FLOAT, 1)), List.of("left", "right"), Map.of());
    assertThatThrownBy(() -> load(file, ABC))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("the model has 2 inputs [left: FLOAT [-1, 2], right: FLOAT [-1, 1]]"
            + " and Gyre cannot tell which of the spec's inputs [a, b, c] goes where");
  }

  @Test
  void shouldRejectWideInputsWhoseWidthsDoNotAddUpToTheSpecs() throws Exception {
    Path file = InputModels.decimal(dir.resolve("m.onnx"),
        List.of(new Input("left", FLOAT, 2), new Input("right", FLOAT, 2)), List.of("left", "right"),
        Map.of(OnnxModel.INPUTS_METADATA, "a,b,c"));
    assertThatThrownBy(() -> load(file, ABC))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("the model has 2 inputs [left: FLOAT [-1, 2], right: FLOAT [-1, 2]]");
  }

  @Test
  void shouldRejectStringInputs() throws Exception {
    Path file = InputModels.decimal(dir.resolve("m.onnx"), List.of(new Input("a", STRING, 1)), List.of("a"), Map.of());
    assertThatThrownBy(() -> load(file, List.of("a")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("input 'a' is ")
        .hasMessageContaining("not a float, double or int64 tensor [batch, columns]");
  }
}
