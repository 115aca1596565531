package dev.gyre.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {
  private static final List<String> INPUTS = List.of("f0", "f1", "f2", "f3");
  private static final List<String> LABELS = List.of("c0", "c1", "c2");

  @TempDir Path dir;

  private OnnxModel load(Path file) {
    return OnnxModel.load(new ModelDescriptor("m", "1", "onnx", file, INPUTS, Map.of()));
  }

  private Path tribuoWithLabels() throws Exception {
    return TestModels.tribuo(dir.resolve("m.onnx"), 4, 3,
        Map.of(OnnxModel.INPUTS_METADATA, String.join(",", INPUTS), OnnxModel.LABELS_METADATA, String.join(",", LABELS)));
  }

  private static float[][] rows(int count, long seed) {
    Random random = new Random(seed);
    float[][] rows = new float[count][INPUTS.size()];
    for (float[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) (random.nextGaussian() * 2);
      }
    }
    return rows;
  }

  @Test
  void shouldEqualDirectOnnxRuntimeOutputExactlyForManyRows() throws Exception {
    Path file = tribuoWithLabels();
    float[][] rows = rows(500, 11);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxModel model = load(file);
        OrtSession direct = env.createSession(file.toString(), new OrtSession.SessionOptions());
        OnnxTensor batch = OnnxTensor.createTensor(env, rows);
        OrtSession.Result result = direct.run(Map.of("input", batch))) {
      float[][] expected = (float[][]) result.get("output").orElseThrow().getValue();
      assertThat(model.labels()).isEqualTo(LABELS);
      for (int r = 0; r < rows.length; r++) {
        int best = 0;
        for (int c = 1; c < LABELS.size(); c++) {
          best = expected[r][c] > expected[r][best] ? c : best;
        }
        assertThat(model.predict(rows[r]))
            .as("row %d", r)
            .isEqualTo(new Prediction(LABELS.get(best), expected[r][best]));
      }
    }
  }

  @Test
  void shouldNumberLabelsWhenTheModelHasNoLabelMetadata() throws Exception {
    try (OnnxModel model = load(TestModels.tribuo(dir.resolve("m.onnx"), 4, 3, Map.of()))) {
      assertThat(model.labels()).containsExactly("0", "1", "2");
      assertThat(model.predict(new float[] {0, 5, 0, 0}).label()).isEqualTo("1");
    }
  }

  @Test
  void shouldRejectRowWithNaNNamingTheInput() throws Exception {
    try (OnnxModel model = load(tribuoWithLabels())) {
      assertThatThrownBy(() -> model.predict(new float[] {0, 1, Float.NaN, 0}))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("input 'f2' was NaN");
      assertThatThrownBy(() -> model.predict(new float[] {Float.NEGATIVE_INFINITY, 1, 0, 0}))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("input 'f0' was -Infinity");
    }
  }

  @Test
  void shouldRejectRowOfTheWrongLength() throws Exception {
    try (OnnxModel model = load(tribuoWithLabels())) {
      assertThatThrownBy(() -> model.predict(new float[] {1, 2, 3}))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("the row has 3 values but the model takes 4 inputs [f0, f1, f2, f3]");
    }
  }

  @Test
  void shouldGiveTheSameResultsFromFourThreadsAsSerially() throws Exception {
    float[][] rows = rows(2_000, 3);
    try (OnnxModel model = load(tribuoWithLabels())) {
      List<Prediction> serial = new ArrayList<>();
      for (float[] row : rows) {
        serial.add(model.predict(row));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<Prediction>>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          runs.add(pool.submit(() -> {
            List<Prediction> out = new ArrayList<>();
            for (float[] row : rows) {
              out.add(model.predict(row));
            }
            return out;
          }));
        }
        for (Future<List<Prediction>> run : runs) {
          assertThat(run.get()).isEqualTo(serial);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void shouldRejectPredictAfterClose() throws Exception {
    OnnxModel model = load(tribuoWithLabels());
    model.close();
    model.close();
    assertThatThrownBy(() -> model.predict(new float[4]))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void shouldBeFoundThroughServiceLoader() {
    assertThat(java.util.ServiceLoader.load(dev.gyre.api.ModelProvider.class).stream()
            .map(p -> p.get().format()))
        .contains("onnx");
  }
}
