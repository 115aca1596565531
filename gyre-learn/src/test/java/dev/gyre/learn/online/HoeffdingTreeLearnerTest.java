package dev.gyre.learn.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.Model;
import dev.gyre.api.ModelException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HoeffdingTreeLearnerTest {
  static final List<String> INPUTS = List.of("a", "b");

  /** XOR of the two signs: no linear model does better than chance. */
  static float[][] xorRows(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new float[] {(float) r.nextDouble(-1, 1), (float) r.nextDouble(-1, 1)};
    }
    return rows;
  }

  static String xor(float[] x) {
    return (x[0] > 0) != (x[1] > 0) ? "1" : "0";
  }

  static double accuracy(Model model, float[][] rows) {
    int right = 0;
    for (float[] x : rows) {
      right += model.predict(x).label().equals(xor(x)) ? 1 : 0;
    }
    return (double) right / rows.length;
  }

  static HoeffdingTreeLearner trainedTree(int n, HoeffdingTreeLearner.LeafPrediction leaves) {
    var settings = new HoeffdingTreeLearner.Settings(200, 1e-7, 0.05, 10, 20, leaves);
    HoeffdingTreeLearner tree = new HoeffdingTreeLearner("xor", INPUTS, settings);
    for (float[] x : xorRows(1, n)) {
      tree.learn(x, xor(x));
    }
    return tree;
  }

  @Test
  void shouldLearnXorWhereFtrlCannot() {
    HoeffdingTreeLearner tree = trainedTree(20_000, HoeffdingTreeLearner.LeafPrediction.ADAPTIVE);
    FtrlLearner ftrl = new FtrlLearner("xor", INPUTS, "0", "1", new FtrlLearner.Settings(0.5, 1, 0, 0.1, 18));
    for (float[] x : xorRows(1, 20_000)) {
      ftrl.learn(x, xor(x));
    }
    float[][] test = xorRows(2, 5000);

    double treeAccuracy = accuracy(tree.snapshot("1"), test);
    double ftrlAccuracy = accuracy(ftrl.snapshot("1"), test);

    assertThat(treeAccuracy).isGreaterThan(0.95);
    assertThat(ftrlAccuracy).isLessThan(0.6);
    assertThat(tree.leafCount()).isGreaterThanOrEqualTo(4);
    assertThat(tree.examplesSeen()).isEqualTo(20_000);
  }

  @Test
  void shouldPredictIdenticallyAfterASnapshotRoundTrip() {
    for (var leaves : HoeffdingTreeLearner.LeafPrediction.values()) {
      HoeffdingTreeLearner tree = trainedTree(6000, leaves); // XOR splits once ε < τ: n > 3,224
      HoeffdingModel model = tree.snapshot("9");

      HoeffdingModel copy = HoeffdingModel.fromBytes(model.toBytes());

      assertThat(copy.version()).isEqualTo("9");
      assertThat(copy.labels()).isEqualTo(model.labels());
      assertThat(copy.nodeCount()).isEqualTo(model.nodeCount()).isGreaterThan(1);
      for (float[] x : xorRows(3, 1000)) {
        assertThat(copy.predict(x)).as("%s", leaves).isEqualTo(model.predict(x));
        assertThat(tree.predict(x)).as("%s", leaves).isEqualTo(model.predict(x));
      }
    }
  }

  @Test
  void shouldLearnNewClassesAsTheyCome() {
    HoeffdingTreeLearner tree = new HoeffdingTreeLearner("m", INPUTS, HoeffdingTreeLearner.Settings.defaults());
    tree.learn(new float[] {0, 0}, "low");
    tree.learn(new float[] {1, 1}, "high");
    tree.learn(new float[] {2, 2}, "high");

    HoeffdingModel model = tree.snapshot("1");

    assertThat(model.labels()).containsExactly("low", "high");
    assertThat(model.predict(new float[] {2, 2}).label()).isEqualTo("high");
  }

  @Test
  void shouldRefuseToPredictBeforeLearningAndBadBytes() {
    HoeffdingTreeLearner tree = new HoeffdingTreeLearner("m", INPUTS, HoeffdingTreeLearner.Settings.defaults());

    assertThatThrownBy(() -> tree.snapshot("0").predict(new float[] {0, 0}))
        .isInstanceOf(ModelException.class).hasMessage("model 'm' version 0 has learned no label yet");
    byte[] bytes = trainedTree(1000, HoeffdingTreeLearner.LeafPrediction.NAIVE_BAYES).snapshot("1").toBytes();
    assertThatThrownBy(() -> HoeffdingModel.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(ModelException.class).hasMessageContaining("cut short or corrupt");
  }
}
