package dev.gyre.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.Prediction;
import dev.gyre.onnx.OnnxModel;
import dev.gyre.train.internal.StratifiedSplit;
import dev.gyre.train.internal.TribuoForest;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;

class TreeEnsembleTrainerTest {
  private static final ForestSettings SETTINGS = ForestSettings.DEFAULTS.withTrees(20).withMaxDepth(6);
  /** Tribuo averages the trees in double, ONNX Runtime sums float votes: they agree to this. */
  private static final double TOLERANCE = 1e-6;

  @TempDir Path dir;

  private static OnnxModel serve(Path file, TrainingSet set) {
    return OnnxModel.load(new ModelDescriptor("churn", "3", "onnx", file, set.featureNames(), Map.of()));
  }

  /** Gyre's own session settings: one intra-op thread (more threads change ONNX Runtime's summation order). */
  private static OrtSession direct(OrtEnvironment env, Path file) throws Exception {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    return env.createSession(file.toString(), options);
  }

  @Test
  void shouldServeTribuosBinaryForestProbabilitiesForEveryHoldoutRow() throws Exception {
    assertParity(SyntheticData.binary(1_500, 2));
  }

  @Test
  void shouldServeTribuosThreeClassForestProbabilitiesForEveryHoldoutRow() throws Exception {
    assertParity(SyntheticData.threeClasses(1_500, 5));
  }

  private void assertParity(TrainingSet set) throws Exception {
    Path file = dir.resolve("forest.onnx");
    new TreeEnsembleTrainer(SETTINGS).train(set, "churn", "3", file);
    StratifiedSplit split = StratifiedSplit.of(set.labels(), SETTINGS.holdoutFraction(), SETTINGS.seed());
    Model<Label> tribuo = TribuoForest.fit(set, split.training(), SETTINGS);
    List<String> labels = TribuoForest.labels(tribuo);
    int[] holdout = split.holdout();
    float[][] rows = new float[holdout.length][];
    FloatBuffer flat = FloatBuffer.allocate(holdout.length * set.featureNames().size());
    for (int k = 0; k < holdout.length; k++) {
      rows[k] = set.rows().get(holdout[k]);
      flat.put(rows[k]);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxModel served = serve(file, set);
        OrtSession direct = direct(env, file);
        OnnxTensor input = OnnxTensor.createTensor(env, rows);
        OrtSession.Result result = direct.run(Map.of("input", input))) {
      float[][] onnx = (float[][]) result.get("probabilities").orElseThrow().getValue();
      String[] onnxLabels = (String[]) result.get("label").orElseThrow().getValue();
      Prediction[] batch = served.predictBatch(flat, holdout.length);
      assertThat(served.labels()).isEqualTo(labels);
      for (int k = 0; k < holdout.length; k++) {
        double[] expected = TribuoForest.probabilities(tribuo, set, holdout[k]);
        int best = 0;
        for (int c = 0; c < labels.size(); c++) {
          assertThat((double) onnx[k][c]).as("row %d class %d", holdout[k], c).isCloseTo(expected[c], within(TOLERANCE));
          best = onnx[k][c] > onnx[k][best] ? c : best;
        }
        Prediction exact = new Prediction(labels.get(best), onnx[k][best]);
        assertThat(served.predict(rows[k])).as("row %d", holdout[k]).isEqualTo(exact);
        assertThat(batch[k]).as("row %d in a batch", holdout[k]).isEqualTo(exact);
        assertThat(onnxLabels[k]).as("the file's own label output, row %d", holdout[k]).isEqualTo(exact.label());
      }
    }
  }

  @Test
  void shouldBeatTheMajorityBaselineAndDescribeTheForestInTheReport() {
    TrainingSet set = SyntheticData.binary(2_000, 1);
    TrainingReport report = new TreeEnsembleTrainer(SETTINGS).train(set, "churn", "3", dir.resolve("m.onnx"));
    assertThat(report.holdoutRows()).isEqualTo(400);
    assertThat(report.holdoutAccuracy()).isGreaterThan(0.88).isGreaterThan(report.baselineAccuracy() + 0.15);
    assertThat(report.holdoutRocAuc()).isGreaterThan(0.93);
    assertThat(report.settings()).isEqualTo(SETTINGS);
    assertThat(report.toJson()).contains("\"trainer\":{\"library\":\"Tribuo 4.3.2\",\"algorithm\":\"RandomForestTrainer\","
        + "\"tree\":\"CARTClassificationTrainer\",\"impurity\":\"GiniIndex\",\"combiner\":\"FullyWeightedVotingCombiner\","
        + "\"trees\":20,\"maxDepth\":6,\"seed\":42,\"holdoutFraction\":0.2}");
  }

  @Test
  void shouldWriteOneTreeEnsembleClassifierWithGyreMetadata() throws Exception {
    TrainingSet set = SyntheticData.threeClasses(600, 3);
    Path file = dir.resolve("nested/m.onnx");
    TrainingReport report = new TreeEnsembleTrainer(SETTINGS).train(set, "level", "7", file);
    OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file));
    assertThat(proto.getGraph().getNodeList()).extracting(OnnxMl.NodeProto::getOpType)
        .containsExactly("TreeEnsembleClassifier", "ArgMax", "LabelEncoder");
    assertThat(proto.getGraph().getOutputList()).extracting(OnnxMl.ValueInfoProto::getName)
        .containsExactly("label", "probabilities");
    assertThat(proto.getModelVersion()).isEqualTo(7);
    try (OnnxModel served = serve(file, set)) {
      assertThat(served.metadata())
          .containsEntry("gyre.inputs", "zeta,alpha,mid,beta")
          .containsEntry("gyre.labels", String.join(",", report.labelCounts().keySet()))
          .containsEntry("gyre.model.name", "level")
          .containsEntry("gyre.model.version", "7")
          .containsEntry("gyre.training.report", report.toJson());
      // the label depends on zeta alone, the first column but the last name alphabetically
      assertThat(served.predict(new float[] {2.5f, -2.5f, 2.5f, -2.5f}).label()).isEqualTo("high");
      assertThat(served.predict(new float[] {-2.5f, 2.5f, -2.5f, 2.5f}).label()).isEqualTo("low");
      assertThat(served.predict(new float[] {0f, 2.5f, -2.5f, 2.5f}).label()).isEqualTo("mid");
    }
  }

  @Test
  void shouldGiveTheSameForestForTheSameSeed() throws Exception {
    TrainingSet set = SyntheticData.binary(600, 6);
    new TreeEnsembleTrainer(SETTINGS).train(set, "m", "1", dir.resolve("a.onnx"));
    new TreeEnsembleTrainer(SETTINGS).train(set, "m", "1", dir.resolve("b.onnx"));
    new TreeEnsembleTrainer(SETTINGS.withSeed(7)).train(set, "m", "1", dir.resolve("c.onnx"));
    assertThat(graph(dir.resolve("b.onnx"))).isEqualTo(graph(dir.resolve("a.onnx")));
    assertThat(graph(dir.resolve("c.onnx"))).isNotEqualTo(graph(dir.resolve("a.onnx")));
  }

  private static OnnxMl.GraphProto graph(Path file) throws Exception {
    return OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file)).getGraph();
  }
}
