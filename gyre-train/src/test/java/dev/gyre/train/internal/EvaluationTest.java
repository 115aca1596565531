package dev.gyre.train.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationTest {

  @Test
  void shouldComputeAccuracy() {
    assertThat(Evaluation.accuracy(new int[] {0, 1, 1, 0}, new int[] {0, 1, 0, 0})).isEqualTo(0.75);
    assertThat(Evaluation.accuracy(new int[0], new int[0])).isNaN();
  }

  @Test
  void shouldGiveOneForPerfectRankingAndZeroForReversed() {
    boolean[] positive = {false, false, true, true};
    assertThat(Evaluation.rocAuc(new double[] {0.1, 0.2, 0.8, 0.9}, positive)).isEqualTo(1.0);
    assertThat(Evaluation.rocAuc(new double[] {0.9, 0.8, 0.2, 0.1}, positive)).isEqualTo(0.0);
  }

  @Test
  void shouldCountTiesAsHalf() {
    assertThat(Evaluation.rocAuc(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {true, false, true, false}))
        .isEqualTo(0.5);
    // pairs (pos, neg): (0.8,0.3) win, (0.8,0.8) tie, (0.4,0.3) win, (0.4,0.8) loss -> 2.5 / 4
    assertThat(Evaluation.rocAuc(new double[] {0.8, 0.4, 0.3, 0.8}, new boolean[] {true, true, false, false}))
        .isCloseTo(0.625, within(1e-12));
  }

  @Test
  void shouldBeNaNWithOnlyOneClass() {
    assertThat(Evaluation.rocAuc(new double[] {0.1, 0.9}, new boolean[] {true, true})).isNaN();
  }
}
