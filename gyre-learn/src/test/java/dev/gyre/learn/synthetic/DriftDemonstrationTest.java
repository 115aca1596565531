package dev.gyre.learn.synthetic;

import static dev.gyre.learn.synthetic.SeaDriftScenario.DRIFT_AT;
import static dev.gyre.learn.synthetic.SeaDriftScenario.EXAMPLES;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The learning loop's demonstration on {@link SeaDriftScenario}: SEA with an abrupt drift at example
 * 20,000 and labels 500 examples late, a Hoeffding tree served from snapshots, ADWIN on its errors. The
 * stream is seeded, so every figure is deterministic; the bounds are the measured values (in the
 * comments) with a margin.
 */
class DriftDemonstrationTest {
  static final long NEVER_STOP = Long.MAX_VALUE;

  @Test
  void aModelThatStopsLearningShouldLoseAccuracyAtTheDriftAndNotRecover() {
    PrequentialReport frozen = SeaDriftScenario.run(SeaDriftScenario.tree(), 5000, false);

    double before = frozen.accuracy(10_000, DRIFT_AT); // 0.838
    assertThat(before).isGreaterThan(0.82);
    assertThat(frozen.accuracy(DRIFT_AT, EXAMPLES)).isLessThan(before - 0.10); // 0.713
    for (int w = (int) (DRIFT_AT / SeaDriftScenario.WINDOW); w < EXAMPLES / SeaDriftScenario.WINDOW; w++) {
      assertThat(frozen.windowAccuracy().get(w)).as("window %d", w).isLessThan(before - 0.08); // at most 0.748
    }
  }

  @Test
  void theDriftDetectorShouldFireSoonAfterTheDriftAndNeverBefore() {
    PrequentialReport loop = SeaDriftScenario.run(SeaDriftScenario.tree(), NEVER_STOP, true);

    assertThat(loop.alerts()).allMatch(at -> at >= DRIFT_AT);
    assertThat(loop.firstAlertAfter(DRIFT_AT)).isBetween(DRIFT_AT, DRIFT_AT + 500); // 20,318
    assertThat(loop.labels() + loop.unscored()).isEqualTo(EXAMPLES - SeaDriftScenario.LABEL_DELAY);
  }

  @Test
  void theLoopShouldRecoverItsAccuracyWithin2000LabelsOfTheDrift() {
    PrequentialReport loop = SeaDriftScenario.run(SeaDriftScenario.tree(), NEVER_STOP, true);
    PrequentialReport noRetraining = SeaDriftScenario.run(SeaDriftScenario.tree(), NEVER_STOP, false);
    PrequentialReport frozen = SeaDriftScenario.run(SeaDriftScenario.tree(), 5000, false);

    double before = loop.accuracy(10_000, DRIFT_AT); // 0.872
    long recovered = loop.recoveredAt(DRIFT_AT, before - 0.02); // the window from 21,000 on
    assertThat(recovered).isBetween(DRIFT_AT, DRIFT_AT + 2000);
    assertThat(noRetraining.recoveredAt(DRIFT_AT, before - 0.02)).isGreaterThan(recovered + 5000); // 31,000
    assertThat(loop.accuracy(DRIFT_AT, EXAMPLES)).isGreaterThan(0.85) // 0.858
        .isGreaterThan(frozen.accuracy(DRIFT_AT, EXAMPLES) + 0.10); // 0.713
  }
}
