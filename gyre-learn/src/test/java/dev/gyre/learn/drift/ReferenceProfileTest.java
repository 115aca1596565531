package dev.gyre.learn.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferenceProfileTest {
  final Clock clock = Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC);

  static List<float[]> gaussianRows(long seed, int n, double shift) {
    SplittableRandom r = new SplittableRandom(seed);
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double u1 = r.nextDouble();
      double u2 = r.nextDouble();
      double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
      rows.add(new float[] {(float) (z + shift), (float) (10 * r.nextDouble())});
    }
    return rows;
  }

  @Test
  void shouldBinByTrainingQuantiles() {
    List<float[]> rows = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      rows.add(new float[] {i});
    }

    FeatureProfile p = ReferenceProfile.fromRows(List.of("x"), rows, 5, 4, 7).feature("x");

    assertThat(p.edges()).containsExactly(2.0, 4.0, 6.0, 8.0);
    assertThat(p.proportions()).containsExactly(0.2, 0.2, 0.2, 0.2, 0.2);
    assertThat(p.sample()).hasSize(4).isSorted();
    assertThat(p.count()).isEqualTo(10);
    assertThat(p.bin(2)).isZero();
    assertThat(p.bin(2.5)).isEqualTo(1);
    assertThat(p.bin(100)).isEqualTo(4);
  }

  @Test
  void shouldRoundTripThroughJsonAndBeReproducibleFromTheSeed() {
    List<float[]> rows = gaussianRows(1, 500, 0);
    ReferenceProfile profile = ReferenceProfile.fromRows(List.of("a", "b"), rows, 10, 100, 42);

    assertThat(ReferenceProfile.fromJson(profile.toJson())).isEqualTo(profile);
    assertThat(ReferenceProfile.fromRows(List.of("a", "b"), rows, 10, 100, 42)).isEqualTo(profile);
    assertThatThrownBy(() -> profile.feature("c")).hasMessageContaining("no feature 'c' in the profile; it has [a, b]");
  }

  @Test
  void shouldNotAlertOnRowsFromTheTrainingDistribution() {
    ReferenceProfile profile = ReferenceProfile.fromRows(List.of("a", "b"), gaussianRows(1, 5000, 0), 10, 1000, 42);
    FeatureDriftMonitor monitor = new FeatureDriftMonitor(profile, 1000, 0.25, 0.001, clock);

    List<DriftAlert> alerts = new ArrayList<>();
    gaussianRows(2, 20_000, 0).forEach(row -> alerts.addAll(monitor.add(row)));

    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldAlertByPsiAndKsOnTheShiftedFeatureOnly() {
    ReferenceProfile profile = ReferenceProfile.fromRows(List.of("a", "b"), gaussianRows(1, 5000, 0), 10, 1000, 42);
    FeatureDriftMonitor monitor = new FeatureDriftMonitor(profile, 1000, 0.25, 0.001, clock);

    List<DriftAlert> alerts = new ArrayList<>();
    gaussianRows(3, 1000, 1.0).forEach(row -> alerts.addAll(monitor.add(row)));

    assertThat(alerts).extracting(DriftAlert::kind, DriftAlert::subject, DriftAlert::observations)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(DriftAlert.Kind.PSI, "a", 1000L),
            org.assertj.core.groups.Tuple.tuple(DriftAlert.Kind.KS, "a", 1000L));
    assertThat(alerts.get(0).statistic()).isGreaterThan(0.25);
    assertThat(DriftAlert.fromJson(alerts.get(1).toJson())).isEqualTo(alerts.get(1));
  }
}
