package dev.gyre.learn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gyre.learn.join.JoinedExample;
import dev.gyre.learn.join.PendingPrediction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowedEvaluatorTest {
  static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  static JoinedExample example(String version, String predicted, double score, String actual, int minutesAgo) {
    Instant t = NOW.minus(Duration.ofMinutes(minutesAgo));
    return new JoinedExample(new PendingPrediction("e", "churn", version, new float[] {1f}, predicted, score,
        t.minusSeconds(5)), actual, t);
  }

  @Test
  void shouldEvaluateTheLastNLabelsOfEachVersion() {
    var eval = WindowedEvaluator.classification("1", List.of(EvalWindow.lastLabels(5)), clock);
    eval.add(example("1", "0", 0.99, "1", 9)); // pushed out of the window by the five below
    for (int i = 0; i < MetricsTest.ACTUAL.length; i++) {
      String predicted = MetricsTest.PREDICTED[i];
      double p = MetricsTest.P[i];
      eval.add(example("1", predicted, predicted.equals("1") ? p : 1 - p, MetricsTest.ACTUAL[i], 5));
    }
    eval.add(example("2", "1", 0.7, "1", 1));

    List<Evaluation> out = eval.snapshot();

    assertThat(out).hasSize(2);
    Evaluation v1 = out.get(0);
    assertThat(v1.version()).isEqualTo("1");
    assertThat(v1.window()).isEqualTo("last-5");
    assertThat(v1.labels()).isEqualTo(5);
    assertThat(v1.at()).isEqualTo(NOW);
    assertThat(v1.accuracy()).isEqualTo(0.6);
    assertThat(v1.precision()).isEqualTo(2.0 / 3);
    assertThat(v1.rocAuc()).isCloseTo(0.75, within(1e-12));
    assertThat(v1.brier()).isCloseTo(0.188, within(1e-12));
    assertThat(v1.logLoss()).isCloseTo(0.5610885, within(1e-7));
    assertThat(v1.mae()).isNull();
    assertThat(out.get(1).labels()).isEqualTo(1);
    assertThat(out.get(1).recall()).isEqualTo(1.0);
  }

  @Test
  void shouldKeepOnlyLabelsObservedWithinATimeWindow() {
    var eval = WindowedEvaluator.classification("1", List.of(EvalWindow.last(Duration.ofHours(1))), clock);
    eval.add(example("1", "1", 0.9, "0", 61));
    eval.add(example("1", "1", 0.9, "1", 59));
    eval.add(example("1", "0", 0.9, "0", 1));

    Evaluation e = eval.snapshot().get(0);

    assertThat(e.window()).isEqualTo("last-PT1H");
    assertThat(e.labels()).isEqualTo(2);
    assertThat(e.accuracy()).isEqualTo(1.0);
  }

  @Test
  void shouldEvaluateRegressionAndRefuseALabelThatIsNotANumber() {
    var eval = WindowedEvaluator.regression(List.of(EvalWindow.lastLabels(10)), clock);

    assertThat(eval.add(example("1", "2.0", 2.0, "1", 1))).isTrue();
    assertThat(eval.add(example("1", "3.0", 3.0, "3", 1))).isTrue();
    assertThat(eval.add(example("1", "5.0", 5.0, "8", 1))).isTrue();
    assertThat(eval.add(example("1", "5.0", 5.0, "eight", 1))).isFalse();

    Evaluation e = eval.snapshot().get(0);
    assertThat(e.labels()).isEqualTo(3);
    assertThat(e.mae()).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(e.rmse()).isCloseTo(Math.sqrt(10.0 / 3), within(1e-12));
    assertThat(e.accuracy()).isNull();
  }

  @Test
  void shouldRoundTripAnEvaluationThroughJson() {
    var eval = WindowedEvaluator.classification("1", List.of(EvalWindow.lastLabels(100)), clock);
    eval.add(example("7", "1", 0.9, "1", 1));
    eval.add(example("7", "0", 0.8, "1", 1));
    Evaluation e = eval.snapshot().get(0);

    String json = e.toJson();

    assertThat(json).contains("\"model\":\"churn\"", "\"version\":\"7\"", "\"at\":\"2026-11-02T12:00:00Z\"",
        "\"accuracy\":0.5").doesNotContain("\"mae\"", "\"precision\":null");
    assertThat(Evaluation.fromJson(json)).isEqualTo(e);
  }
}
