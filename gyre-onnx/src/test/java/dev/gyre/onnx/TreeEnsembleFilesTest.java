package dev.gyre.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.Prediction;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tree ensembles in the forms scikit-learn's and XGBoost's converters write (see {@link TreeModels}):
 * what Gyre serves is, bit for bit, what ONNX Runtime computes for the same rows.
 */
class TreeEnsembleFilesTest {
  private static final List<String> INPUTS = List.of("f0", "f1", "f2", "f3");
  private static final int ROWS = 500;

  @TempDir Path dir;

  private static float[][] rows(long seed) {
    Random random = new Random(seed);
    float[][] rows = new float[ROWS][INPUTS.size()];
    for (float[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) random.nextGaussian();
      }
    }
    return rows;
  }

  private static FloatBuffer flat(float[][] rows) {
    FloatBuffer flat = FloatBuffer.allocate(rows.length * rows[0].length);
    for (float[] row : rows) {
      flat.put(row);
    }
    return flat;
  }

  /**
   * Gyre's default, {@code intraOpThreads} 1. With more threads ONNX Runtime sums the trees in
   * another order and the last bit of a score can differ (measured: -2.4931817 against -2.4931815).
   */
  private static OrtSession.SessionOptions singleThreaded() throws Exception {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    return options;
  }

  private static OnnxModel load(Path file) {
    return OnnxModel.load(new ModelDescriptor("forest", "1", "onnx", file, INPUTS, Map.of()));
  }

  @Test
  void shouldServeScikitLearnForestProbabilitiesExactlyAsOnnxRuntimeComputesThem() throws Exception {
    Path file = TreeModels.sklearnForest(dir.resolve("rf.onnx"), 4, 3, 10, 4, 1);
    float[][] rows = rows(2);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxModel model = load(file);
        OrtSession direct = env.createSession(file.toString(), singleThreaded());
        OnnxTensor input = OnnxTensor.createTensor(env, rows);
        OrtSession.Result result = direct.run(Map.of("float_input", input))) {
      List<Map<?, ?>> maps = new java.util.ArrayList<>();
      for (Object map : ((ai.onnxruntime.OnnxSequence) result.get("output_probability").orElseThrow()).getValue()) {
        maps.add(((ai.onnxruntime.OnnxMap) map).getValue());
      }
      long[] labels = (long[]) result.get("output_label").orElseThrow().getValue();
      Prediction[] batch = model.predictBatch(flat(rows), ROWS);
      Set<String> seen = new HashSet<>();
      for (int r = 0; r < ROWS; r++) {
        Map<?, ?> p = maps.get(r);
        long best = 0;
        for (long c = 1; c < 3; c++) {
          best = (Float) p.get(c) > (Float) p.get(best) ? c : best;
        }
        Prediction expected = new Prediction(Long.toString(best), (Float) p.get(best));
        assertThat(model.predict(rows[r])).as("row %d", r).isEqualTo(expected);
        assertThat(batch[r]).as("row %d in a batch", r).isEqualTo(expected);
        assertThat(labels[r]).as("ONNX Runtime's own label, row %d", r).isEqualTo(best);
        assertThat(p.values().stream().mapToDouble(v -> (Float) v).sum()).isBetween(1 - 1e-6, 1 + 1e-6);
        seen.add(expected.label());
      }
      assertThat(seen).as("the fixture predicts every class").containsExactlyInAnyOrder("0", "1", "2");
    }
  }

  @Test
  void shouldServeXgboostStyleRegressionExactlyAsOnnxRuntimeComputesIt() throws Exception {
    Path file = TreeModels.xgboostRegressor(dir.resolve("xgb.onnx"), 4, 20, 3, 3);
    float[][] rows = rows(4);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxModel model = load(file);
        OrtSession direct = env.createSession(file.toString(), singleThreaded());
        OnnxTensor input = OnnxTensor.createTensor(env, rows);
        OrtSession.Result result = direct.run(Map.of("input", input))) {
      float[][] values = (float[][]) result.get("variable").orElseThrow().getValue();
      Prediction[] batch = model.predictBatch(flat(rows), ROWS);
      Set<Float> distinct = new HashSet<>();
      for (int r = 0; r < ROWS; r++) {
        Prediction expected = new Prediction(Float.toString(values[r][0]), values[r][0]);
        assertThat(model.predict(rows[r])).as("row %d", r).isEqualTo(expected);
        assertThat(batch[r]).as("row %d in a batch", r).isEqualTo(expected);
        distinct.add(values[r][0]);
      }
      assertThat(model.labels()).isEmpty();
      assertThat(distinct).as("rows reach different leaves").hasSizeGreaterThan(100);
    }
  }
}
