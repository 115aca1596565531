package dev.gyre.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One ONNX Runtime call over many rows gives, row for row, what one call per row gives. */
class BatchScoringTest {
  private static final List<String> THREE = List.of("p0", "p1", "p2");

  @TempDir Path dir;

  private static OnnxModel load(Path file, List<String> inputs) {
    return OnnxModel.load(new ModelDescriptor("m", "1", "onnx", file, inputs, Map.of()));
  }

  private static FloatBuffer rows(int count, int width, long seed, boolean direct) {
    FloatBuffer rows = direct
        ? ByteBuffer.allocateDirect(Float.BYTES * count * width).order(ByteOrder.nativeOrder()).asFloatBuffer()
        : FloatBuffer.allocate(count * width);
    Random random = new Random(seed);
    for (int v = 0; v < count * width; v++) {
      rows.put(v, random.nextFloat());
    }
    return rows;
  }

  private static void assertBatchEqualsRowByRow(Model model, FloatBuffer rows, int count) {
    int width = model.inputs().size();
    Prediction[] batch = model.predictBatch(rows, count);
    assertThat(batch).hasSize(count);
    for (int r = 0; r < count; r++) {
      float[] row = new float[width];
      for (int i = 0; i < width; i++) {
        row[i] = rows.get(r * width + i);
      }
      assertThat(batch[r]).as("row %d", r).isEqualTo(model.predict(row));
    }
  }

  @Test
  void shouldScoreProbabilityTensorBatchesLikeSingleRows() throws Exception {
    List<String> inputs = List.of("f0", "f1", "f2", "f3");
    try (OnnxModel model = load(TestModels.tribuo(dir.resolve("t.onnx"), 4, 3, Map.of()), inputs)) {
      assertBatchEqualsRowByRow(model, rows(257, 4, 1, true), 257);
      assertBatchEqualsRowByRow(model, rows(64, 4, 2, false), 64);
      assertBatchEqualsRowByRow(model, rows(1, 4, 3, true), 1);
    }
  }

  @Test
  void shouldScoreProbabilityMapBatchesLikeSingleRows() throws Exception {
    try (OnnxModel model = load(TestModels.zipMap(dir.resolve("z.onnx"), 3, true, Map.of()), THREE)) {
      assertBatchEqualsRowByRow(model, rows(100, 3, 4, true), 100);
    }
  }

  @Test
  void shouldScoreRegressionBatchesLikeSingleRows() throws Exception {
    try (OnnxModel model = load(TestModels.regression(dir.resolve("r.onnx"), 3), THREE)) {
      assertBatchEqualsRowByRow(model, rows(100, 3, 5, false), 100);
    }
  }

  @Test
  void shouldScoreOnlyTheFirstRowCountRowsOfALargerBuffer() throws Exception {
    try (OnnxModel model = load(TestModels.regression(dir.resolve("r.onnx"), 3), THREE)) {
      FloatBuffer rows = rows(10, 3, 6, true);
      rows.position(7).limit(8);   // position and limit are ignored
      assertThat(model.predictBatch(rows, 2)).hasSize(2);
      assertBatchEqualsRowByRow(model, rows, 2);
    }
  }

  @Test
  void shouldRejectBatchWithNaNNamingRowAndInput() throws Exception {
    try (OnnxModel model = load(TestModels.regression(dir.resolve("r.onnx"), 3), THREE)) {
      FloatBuffer rows = rows(4, 3, 7, true);
      rows.put(2 * 3 + 1, Float.NaN);
      assertThatThrownBy(() -> model.predictBatch(rows, 4))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("input 'p1' of row 2 was NaN");
    }
  }

  @Test
  void shouldRejectBufferTooSmallForTheRowCount() throws Exception {
    try (OnnxModel model = load(TestModels.regression(dir.resolve("r.onnx"), 3), THREE)) {
      assertThatThrownBy(() -> model.predictBatch(rows(2, 3, 8, true), 3))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("holds 6 values, too few for 3 rows of 3 inputs");
    }
  }
}
