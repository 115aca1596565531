package dev.gyre.learn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric against values worked out by hand (see the comments). */
class MetricsTest {
  static final String[] PREDICTED = {"1", "1", "0", "0", "1"};
  static final String[] ACTUAL = {"1", "0", "0", "1", "1"};
  static final double[] P = {0.9, 0.8, 0.3, 0.8, 0.6};
  static final boolean[] Y = {true, false, false, true, true};

  @Test
  void shouldCountTheConfusionMatrixOfThePositiveClass() {
    // tp: #0 #4; fp: #1; fn: #3; tn: #2
    long[] c = Metrics.confusion(PREDICTED, ACTUAL, "1");

    assertThat(c).containsExactly(2, 1, 1, 1);
    assertThat(Metrics.accuracy(PREDICTED, ACTUAL)).isEqualTo(0.6);
    assertThat(Metrics.precision(c)).isEqualTo(2.0 / 3);
    assertThat(Metrics.recall(c)).isEqualTo(2.0 / 3);
    assertThat(Metrics.f1(c)).isEqualTo(2.0 / 3);
  }

  @Test
  void shouldAverageF1OverClasses() {
    // class 0: tp 1, fp 1, fn 1 -> 0.5; class 1: 2/3
    assertThat(Metrics.macroF1(PREDICTED, ACTUAL)).isCloseTo((0.5 + 2.0 / 3) / 2, within(1e-12));
  }

  @Test
  void shouldReportUndefinedMetricsAsNull() {
    long[] noPositivePredictions = Metrics.confusion(new String[] {"0"}, new String[] {"1"}, "1");

    assertThat(Metrics.precision(noPositivePredictions)).isNull();
    assertThat(Metrics.accuracy(new String[0], new String[0])).isNull();
    assertThat(Metrics.rocAuc(new double[] {0.2, 0.4}, new boolean[] {true, true})).isNull();
    assertThat(Metrics.logLoss(new double[0], new boolean[0])).isNull();
  }

  @Test
  void shouldComputeExactRocAucWithTiesCountingOneHalf() {
    // positives 0.9, 0.8, 0.6 against negatives 0.8, 0.3: 1 + 1 + 0.5 + 1 + 0 + 1 = 4.5 of 6 pairs
    assertThat(Metrics.rocAuc(P, Y)).isEqualTo(0.75);
    assertThat(Metrics.rocAuc(new double[] {0.1, 0.2, 0.3}, new boolean[] {false, false, true})).isEqualTo(1.0);
    assertThat(Metrics.rocAuc(new double[] {0.5, 0.5}, new boolean[] {false, true})).isEqualTo(0.5);
  }

  @Test
  void shouldComputeLogLossAndClipCertainMistakes() {
    // -(ln 0.9 + ln 0.2 + ln 0.7 + ln 0.8 + ln 0.6) / 5
    assertThat(Metrics.logLoss(P, Y)).isCloseTo(0.5610885, within(1e-7));
    // p = 1 for a negative: -ln(1e-15) rather than infinity
    assertThat(Metrics.logLoss(new double[] {1.0}, new boolean[] {false})).isCloseTo(34.5387764, within(1e-3));
  }

  @Test
  void shouldComputeTheBrierScore() {
    // (0.01 + 0.64 + 0.09 + 0.04 + 0.16) / 5
    assertThat(Metrics.brier(P, Y)).isCloseTo(0.188, within(1e-12));
  }

  @Test
  void shouldBinProbabilitiesIntoTenReliabilityBins() {
    List<ReliabilityBin> bins = Metrics.reliability(P, Y, 10);

    assertThat(bins).hasSize(10);
    assertThat(bins.get(8)).isEqualTo(new ReliabilityBin(0.8, 0.9, 2, 0.8, 0.5));
    assertThat(bins.get(3)).isEqualTo(new ReliabilityBin(0.3, 0.4, 1, 0.3, 0.0));
    assertThat(bins.get(0)).isEqualTo(new ReliabilityBin(0.0, 0.1, 0, null, null));
    assertThat(Metrics.reliability(new double[] {1.0}, new boolean[] {true}, 10).get(9).count()).isEqualTo(1);
  }

  @Test
  void shouldComputeMaeAndRmse() {
    // errors 1, 0, 3
    double[] predicted = {2, 3, 5};
    double[] actual = {1, 3, 8};

    assertThat(Metrics.mae(predicted, actual)).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(Metrics.rmse(predicted, actual)).isCloseTo(Math.sqrt(10.0 / 3), within(1e-12));
  }
}
