package dev.gyre.learn.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriftStatisticsTest {

  @Test
  void shouldComputePsiFromProportionsAndCounts() {
    // (0.3 - 0.5) ln(0.3 / 0.5) + (0.7 - 0.5) ln(0.7 / 0.5)
    assertThat(DriftStatistics.psi(List.of(0.5, 0.5), new long[] {30, 70})).isCloseTo(0.1694596, within(1e-7));
    assertThat(DriftStatistics.psi(List.of(0.25, 0.75), new long[] {25, 75})).isZero();
  }

  @Test
  void shouldFloorEmptyBinsSoPsiStaysFinite() {
    // (1e-4 - 0.5) ln(1e-4 / 0.5) + (1 - 0.5) ln(1 / 0.5)
    double expected = (1e-4 - 0.5) * Math.log(1e-4 / 0.5) + 0.5 * Math.log(2);
    assertThat(DriftStatistics.psi(List.of(0.5, 0.5), new long[] {0, 10})).isCloseTo(expected, within(1e-12));
  }

  @Test
  void shouldComputeTheKsDistanceOfTwoSortedSamples() {
    assertThat(DriftStatistics.ks(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6})).isEqualTo(0.5);
    assertThat(DriftStatistics.ks(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(1.0);
    assertThat(DriftStatistics.ks(new double[] {1, 2, 3}, new double[] {1, 2, 3})).isZero();
  }

  @Test
  void shouldComputeTheKsCriticalValue() {
    // sqrt(-ln(0.025) / 2) * sqrt(200 / 10000) = 1.3580986 * 0.1414214
    assertThat(DriftStatistics.ksCritical(100, 100, 0.05)).isCloseTo(0.1920646, within(1e-6));
  }
}
