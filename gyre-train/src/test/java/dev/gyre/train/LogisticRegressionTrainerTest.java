package dev.gyre.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import dev.gyre.onnx.OnnxModel;
import dev.gyre.onnx.OnnxModelProvider;
import dev.gyre.train.internal.StratifiedSplit;
import dev.gyre.train.internal.TribuoLogistic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

class LogisticRegressionTrainerTest {
  private static final TrainerSettings SETTINGS = TrainerSettings.DEFAULTS.withEpochs(10);

  @TempDir Path dir;

  private static Model serve(Path file, TrainingSet set) {
    return new OnnxModelProvider().load(
        new ModelDescriptor("churn", "3", "onnx", file, set.featureNames(), Map.of()));
  }

  private static float[] row(TrainingSet set, int r) {
    return set.rows().get(r);
  }

  @Test
  void shouldBeatTheMajorityBaselineOnTheHoldout() {
    TrainingSet set = SyntheticData.binary(2_000, 1);
    TrainingReport report = new LogisticRegressionTrainer(SETTINGS).train(set, "churn", "3", dir.resolve("m.onnx"));
    assertThat(report.rows()).isEqualTo(2_000);
    assertThat(report.holdoutRows()).isEqualTo(400);
    assertThat(report.trainingRows()).isEqualTo(1_600);
    assertThat(report.labelCounts().values()).containsExactlyInAnyOrder(
        (int) set.labels().stream().filter("no"::equals).count(),
        (int) set.labels().stream().filter("yes"::equals).count());
    assertThat(report.majorityLabel()).isEqualTo("no");
    assertThat(report.baselineAccuracy()).isBetween(0.6, 0.8);
    assertThat(report.holdoutAccuracy()).isGreaterThan(0.9).isGreaterThan(report.baselineAccuracy() + 0.15);
    assertThat(report.holdoutRocAuc()).isGreaterThan(0.95);
    assertThat(report.positiveLabel()).isEqualTo(report.labelCounts().keySet().toArray()[1]);
    assertThat(report.settings()).isEqualTo(SETTINGS);
  }

  @Test
  void shouldServeTribuosProbabilitiesForEveryHoldoutRow() throws Exception {
    TrainingSet set = SyntheticData.binary(1_000, 2);
    Path file = dir.resolve("m.onnx");
    new LogisticRegressionTrainer(SETTINGS).train(set, "churn", "3", file);
    StratifiedSplit split = StratifiedSplit.of(set.labels(), SETTINGS.holdoutFraction(), SETTINGS.seed());
    LinearSGDModel tribuo = TribuoLogistic.fit(set, split.training(), SETTINGS);
    List<String> labels = TribuoLogistic.labels(tribuo);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (Model served = serve(file, set);
        OrtSession direct = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
      for (int r : split.holdout()) {
        double[] expected = TribuoLogistic.probabilities(tribuo, set, r);
        int best = expected[1] > expected[0] ? 1 : 0;
        Prediction p = served.predict(row(set, r));
        assertThat(p.label()).as("row %d", r).isEqualTo(labels.get(best));
        assertThat(p.probability()).as("row %d", r).isCloseTo(expected[best], within(1e-5));
        try (OnnxTensor input = OnnxTensor.createTensor(env, new float[][] {row(set, r)});
            OrtSession.Result result = direct.run(Map.of("input", input))) {
          float[] actual = ((float[][]) result.get("output").orElseThrow().getValue())[0];
          for (int c = 0; c < expected.length; c++) {
            assertThat((double) actual[c]).as("row %d column %d", r, c).isCloseTo(expected[c], within(1e-5));
          }
        }
      }
    }
  }

  @Test
  void shouldStoreInputsLabelsNameVersionAndReportInTheModel() {
    TrainingSet set = SyntheticData.binary(500, 3);
    Path file = dir.resolve("models/nested/m.onnx");
    TrainingReport report = new LogisticRegressionTrainer(SETTINGS).train(set, "churn", "3", file);
    try (OnnxModel served = (OnnxModel) serve(file, set)) {
      assertThat(served.metadata())
          .containsEntry("gyre.inputs", "zeta,alpha,mid,beta")
          .containsEntry("gyre.labels", String.join(",", report.labelCounts().keySet()))
          .containsEntry("gyre.model.name", "churn")
          .containsEntry("gyre.model.version", "3")
          .containsEntry("gyre.training.report", report.toJson())
          .containsKey("TRIBUO_PROVENANCE");
      assertThat(served.labels()).containsExactlyElementsOf(report.labelCounts().keySet());
    }
    assertThat(report.toJson())
        .startsWith("{\"modelName\":\"churn\",\"version\":\"3\",\"rows\":500,")
        .contains("\"trainer\":{\"library\":\"Tribuo 4.3.2\",\"algorithm\":\"LinearSGDTrainer\"")
        .contains("\"epochs\":10,\"learningRate\":0.1,\"seed\":42,\"holdoutFraction\":0.2}");
  }

  @Test
  void shouldUseMetadataKeysThatTheOnnxModuleReads() {
    assertThat(LogisticRegressionTrainer.INPUTS_METADATA).isEqualTo(OnnxModel.INPUTS_METADATA);
    assertThat(LogisticRegressionTrainer.LABELS_METADATA).isEqualTo(OnnxModel.LABELS_METADATA);
  }

  @Test
  void shouldKeepTheTrainingSetsFeatureOrderInTheOnnxInput() {
    // the label depends on zeta alone, the first column but the last name alphabetically
    TrainingSet set = SyntheticData.threeClasses(1_500, 4);
    Path file = dir.resolve("m.onnx");
    TrainingReport report = new LogisticRegressionTrainer(SETTINGS.withEpochs(30)).train(set, "level", "1", file);
    assertThat(report.holdoutAccuracy()).isGreaterThan(0.85);
    try (Model served = serve(file, set)) {
      assertThat(served.predict(new float[] {2.5f, -2.5f, 2.5f, -2.5f}).label()).isEqualTo("high");
      assertThat(served.predict(new float[] {-2.5f, 2.5f, -2.5f, 2.5f}).label()).isEqualTo("low");
      assertThat(served.predict(new float[] {0f, 2.5f, -2.5f, 2.5f}).label()).isEqualTo("mid");
    }
  }

  @Test
  void shouldReportNoAucForMoreThanTwoLabels() {
    TrainingReport report = new LogisticRegressionTrainer(SETTINGS)
        .train(SyntheticData.threeClasses(300, 5), "level", "1", dir.resolve("m.onnx"));
    assertThat(report.holdoutRocAuc()).isNaN();
    assertThat(report.positiveLabel()).isNull();
    assertThat(report.toJson()).contains("\"holdoutRocAuc\":null,\"positiveLabel\":null");
  }

  @Test
  void shouldGiveTheSameModelForTheSameSeed() throws Exception {
    TrainingSet set = SyntheticData.binary(600, 6);
    TrainingReport first = new LogisticRegressionTrainer(SETTINGS).train(set, "m", "1", dir.resolve("a.onnx"));
    TrainingReport second = new LogisticRegressionTrainer(SETTINGS).train(set, "m", "1", dir.resolve("b.onnx"));
    new LogisticRegressionTrainer(SETTINGS.withSeed(7)).train(set, "m", "1", dir.resolve("c.onnx"));
    assertThat(second).isEqualTo(first);
    // Tribuo's provenance metadata holds timestamps, so compare graphs (weights included), not bytes
    assertThat(graph(dir.resolve("b.onnx"))).isEqualTo(graph(dir.resolve("a.onnx")));
    assertThat(graph(dir.resolve("c.onnx"))).isNotEqualTo(graph(dir.resolve("a.onnx")));
  }

  private static OnnxMl.GraphProto graph(Path file) throws Exception {
    return OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file)).getGraph();
  }

  @Test
  void shouldRejectASingleLabel() {
    TrainingSet set = new TrainingSet(List.of("a"), List.of(new float[] {1}, new float[] {2}), List.of("x", "x"));
    assertThatThrownBy(() -> new LogisticRegressionTrainer().train(set, "m", "1", dir.resolve("m.onnx")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("only the label(s) [x]; a classifier needs rows of at least two labels");
  }

  @Test
  void shouldRejectTooFewRowsToHoldOut() {
    TrainingSet set = new TrainingSet(List.of("a"), List.of(new float[] {1}, new float[] {2}), List.of("x", "y"));
    assertThatThrownBy(() -> new LogisticRegressionTrainer().train(set, "m", "1", dir.resolve("m.onnx")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("too few rows (2)");
    assertThat(dir.resolve("m.onnx")).doesNotExist();
  }
}
