package dev.gyre.learn.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FtrlLearnerTest {
  static final List<String> INPUTS = List.of("a", "b", "noise");

  /** Label 1 when 2a - b > 0.2: linearly separable, no noise. */
  static float[][] separable(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new float[] {(float) r.nextDouble(-1, 1), (float) r.nextDouble(-1, 1), (float) r.nextDouble(-1, 1)};
    }
    return rows;
  }

  static String label(float[] x) {
    return 2 * x[0] - x[1] > 0.2 ? "1" : "0";
  }

  static FtrlLearner trained(int n) {
    FtrlLearner ftrl = new FtrlLearner("lin", INPUTS, "0", "1", new FtrlLearner.Settings(0.5, 1, 0, 0.1, 18));
    for (float[] x : separable(1, n)) {
      ftrl.learn(x, label(x));
    }
    return ftrl;
  }

  static double accuracy(dev.gyre.api.Model model, float[][] rows) {
    int right = 0;
    for (float[] x : rows) {
      right += model.predict(x).label().equals(label(x)) ? 1 : 0;
    }
    return (double) right / rows.length;
  }

  @Test
  void shouldLearnALinearlySeparableStreamToOver95Percent() {
    FtrlModel model = trained(5000).snapshot("1");

    assertThat(accuracy(model, separable(2, 5000))).isGreaterThan(0.95);
    assertThat(model.weight("a")).isGreaterThan(0);
    assertThat(model.weight("b")).isLessThan(0);
  }

  @Test
  void shouldPredictIdenticallyAfterASnapshotRoundTrip() {
    FtrlLearner learner = trained(2000);
    FtrlModel model = learner.snapshot("4");

    FtrlModel copy = FtrlModel.fromBytes(model.toBytes());

    assertThat(copy.name()).isEqualTo("lin");
    assertThat(copy.version()).isEqualTo("4");
    assertThat(copy.inputs()).isEqualTo(INPUTS);
    assertThat(copy.labels()).containsExactly("0", "1");
    for (float[] x : separable(3, 1000)) {
      Prediction p = model.predict(x);
      assertThat(copy.predict(x)).isEqualTo(p);
      assertThat(learner.predict(x)).isEqualTo(p);
    }
  }

  @Test
  void shouldKeepASnapshotUnchangedWhileTheLearnerGoesOn() {
    FtrlLearner learner = trained(500);
    FtrlModel before = learner.snapshot("1");
    float[] x = {0.3f, 0.1f, 0f};
    Prediction p = before.predict(x);

    for (int i = 0; i < 200; i++) {
      learner.learn(x, "0");
    }

    assertThat(before.predict(x)).isEqualTo(p);
    assertThat(learner.snapshot("2").predict(x)).isNotEqualTo(p);
  }

  @Test
  void shouldLearnTheSameFromNamedFeaturesAsFromDenseRows() {
    FtrlLearner dense = new FtrlLearner("m", INPUTS, "0", "1", FtrlLearner.Settings.defaults());
    FtrlLearner named = new FtrlLearner("m", INPUTS, "0", "1", FtrlLearner.Settings.defaults());
    for (float[] x : separable(4, 300)) {
      dense.learn(x, label(x));
      named.learn(Map.of("a", (double) x[0], "b", (double) x[1], "noise", (double) x[2]), label(x));
    }

    FtrlModel d = dense.snapshot("1");
    FtrlModel n = named.snapshot("1");
    for (String f : INPUTS) {
      assertThat(n.weight(f)).isCloseTo(d.weight(f), org.assertj.core.api.Assertions.within(1e-9));
    }
    assertThat(n.predict(Map.of("a", 0.5, "b", -0.5)).label()).isEqualTo("1");
  }

  @Test
  void shouldRefuseUnknownLabelsBadRowsAndForeignBytes() {
    FtrlLearner learner = trained(10);

    assertThatThrownBy(() -> learner.learn(new float[] {1, 2, 3}, "maybe"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("label was 'maybe' but this learner knows [0, 1] only");
    assertThatThrownBy(() -> learner.learn(new float[] {1, Float.NaN, 3}, "1"))
        .hasMessage("value 1 was NaN but it must be a finite number");
    assertThatThrownBy(() -> learner.snapshot("1").predict(new float[] {1}))
        .isInstanceOf(ModelException.class).hasMessage("model 'lin': row has 1 values but the model takes 3");
    assertThatThrownBy(() -> FtrlModel.fromBytes(new byte[] {1, 2, 3, 4, 5}))
        .isInstanceOf(ModelException.class).hasMessageContaining("not a gyre-ftrl model");
  }
}
