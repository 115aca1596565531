package dev.gyre.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.Prediction;
import dev.gyre.onnx.OnnxModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model served by the v2 server predicts exactly what the same ONNX file predicts in process. */
class RemoteModelParityTest {
  @TempDir static Path dir;
  private static Map<String, Path> files;
  private static KServeV2TestServer server;

  @BeforeAll
  static void start() throws Exception {
    files = Map.of(
        "iris", TestModels.classifier(dir.resolve("iris.onnx"), 4, 3, Map.of("gyre.labels", "setosa,versicolor,virginica")),
        "numbered", TestModels.classifier(dir.resolve("numbered.onnx"), 3, 2, Map.of()),
        "reg", TestModels.regression(dir.resolve("reg.onnx"), 3),
        "lp", TestModels.labelAndProbabilities(dir.resolve("lp.onnx"), 3));
    server = KServeV2TestServer.start(files);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> inputs(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> "f" + i).toList();
  }

  static float[][] rows(int count, int width, long seed) {
    Random random = new Random(seed);
    float[][] rows = new float[count][width];
    for (float[] row : rows) {
      for (int i = 0; i < width; i++) {
        row[i] = (float) (random.nextGaussian() * 2);
      }
    }
    return rows;
  }

  private static void assertSamePredictions(String name, int width) {
    ModelDescriptor embedded = new ModelDescriptor(name, "1", "onnx", files.get(name), inputs(width), Map.of());
    ModelDescriptor remote = ModelDescriptor.remote(name, "1", "kserve-v2", server.url(), inputs(width), Map.of());
    float[][] rows = rows(200, width, name.hashCode());
    try (Model onnx = OnnxModel.load(embedded); Model http = RemoteModel.load(remote, Clock.systemUTC())) {
      for (float[] row : rows) {
        assertThat(http.predict(row)).isEqualTo(onnx.predict(row));
      }
      FloatBuffer batch = ByteBuffer.allocateDirect(Float.BYTES * rows.length * width)
          .order(ByteOrder.nativeOrder()).asFloatBuffer();
      for (float[] row : rows) {
        batch.put(row);
      }
      Prediction[] expected = onnx.predictBatch(batch, rows.length);
      assertThat(http.predictBatch(batch, rows.length)).containsExactly(expected);
      assertThat(http.predictBatch(FloatBuffer.wrap(copy(batch)), 64))
          .containsExactly(java.util.Arrays.copyOf(expected, 64));
    }
  }

  private static float[] copy(FloatBuffer buffer) {
    float[] out = new float[buffer.capacity()];
    buffer.get(0, out);
    return out;
  }

  @Test
  void shouldMatchEmbeddedClassifierWithLabelsFromServerMetadata() {
    assertSamePredictions("iris", 4);
  }

  @Test
  void shouldMatchEmbeddedClassifierWithNumberedLabels() {
    assertSamePredictions("numbered", 3);
  }

  @Test
  void shouldMatchEmbeddedRegression() {
    assertSamePredictions("reg", 3);
  }

  @Test
  void shouldMatchEmbeddedWhenServerGivesLabelAndProbabilities() {
    assertSamePredictions("lp", 3);
  }

  @Test
  void shouldTakeLabelsFromOptionsOverServerMetadata() {
    ModelDescriptor remote = ModelDescriptor.remote("iris", "1", "kserve-v2", server.url(), inputs(4),
        Map.of("labels", "a,b,c"));
    try (Model http = RemoteModel.load(remote, Clock.systemUTC());
        Model onnx = OnnxModel.load(new ModelDescriptor("iris", "1", "onnx", files.get("iris"), inputs(4), Map.of()))) {
      float[] row = {3f, -1f, 0.5f, 0.2f};
      Prediction embedded = onnx.predict(row);
      String expected = List.of("a", "b", "c").get(List.of("setosa", "versicolor", "virginica").indexOf(embedded.label()));
      assertThat(http.predict(row)).isEqualTo(new Prediction(expected, embedded.probability()));
    }
  }
}
