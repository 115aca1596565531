package dev.gyre.core.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HyperLogLogTest {

  @Test
  void shouldEstimateTenThousandDistinctValuesWithinFivePercent() {
    HyperLogLog hll = new HyperLogLog();
    for (int round = 0; round < 3; round++) {      // repeats change nothing
      for (int i = 0; i < 10_000; i++) {
        hll.add(HyperLogLog.hash("merchant-" + i));
      }
    }
    long estimate = hll.estimate();

    assertThat(hll.dense).isNotNull();
    assertThat(Math.abs(estimate - 10_000) / 10_000.0).isLessThan(0.05);
  }

  @Test
  void shouldCountSmallSetsExactlyWhileSparse() {
    HyperLogLog hll = new HyperLogLog();
    for (int i = 0; i < 100; i++) {
      hll.add(HyperLogLog.hash((double) i));
    }

    assertThat(hll.dense).isNull();
    assertThat(hll.estimate()).isEqualTo(100);
    assertThat(new HyperLogLog().estimate()).isZero();
  }

  @Test
  void shouldHashTheSameOnEveryRunAndZeroesAlike() {
    assertThat(HyperLogLog.hash("a")).isEqualTo(HyperLogLog.hash("a")).isNotEqualTo(HyperLogLog.hash("b"));
    assertThat(HyperLogLog.hash(-0.0)).isEqualTo(HyperLogLog.hash(0.0));
    assertThat(HyperLogLog.hash("merchant-1")).isEqualTo(0x0L + HyperLogLog.hash("merchant-1"));
  }
}
