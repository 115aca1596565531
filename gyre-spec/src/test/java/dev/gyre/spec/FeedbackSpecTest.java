package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code feedback} section: outcome fields, horizon, evaluation, drift and online learning. */
class FeedbackSpecTest {
  private static final String SCORED = Specs.MINIMAL + """
        - name: s
          type: score
          output: persistent://t/n/pred
          model: {name: m, path: m.onnx, inputs: [x, y], registry: t/models}
      """;

  @Test
  void shouldApplyEveryDefaultWhenOnlyTheTopicIsGiven() {
    PipelineSpec spec = Specs.parse(Specs.MINIMAL + """
        feedback:
          topic: persistent://t/fb/outcomes
        """);

    assertThat(spec.feedback()).isEqualTo(new FeedbackSpec("persistent://t/fb/outcomes"));
    assertThat(spec.feedback().evaluation()).isEqualTo(
        new FeedbackSpec.Evaluation("persistent://t/fb/model-accuracy", 1000, null, 100));
    assertThat(spec.feedback().drift()).isEqualTo(
        new FeedbackSpec.Drift("persistent://t/fb/model-alerts", "adwin", 0.002));
    assertThat(spec.feedback().horizon()).isEqualTo(Duration.ofHours(1));
    assertThat(spec.feedback().idField()).isEqualTo("event_id");
    assertThat(spec.feedback().predictionIdField()).isNull();
    assertThat(spec.feedback().online()).isNull();
  }

  @Test
  void shouldReadEveryKey() {
    PipelineSpec spec = Specs.parse(SCORED + """
        feedback:
          topic: persistent://t/fb/outcomes
          idField: tx
          predictionIdField: x
          labelField: fraud
          horizon: 2d
          positiveLabel: "yes"
          negativeLabel: "no"
          evaluation: {topic: persistent://t/fb/acc, window: 30m, every: 50}
          drift: {alerts: persistent://t/fb/alerts, detector: page-hinkley, delta: 0.005}
          learning:
            online: {algorithm: hoeffding, snapshotEvery: 200, promote: {margin: 0.02, minLabels: 300}}
        """);

    assertThat(spec.feedback()).isEqualTo(new FeedbackSpec("persistent://t/fb/outcomes", "tx", "x", "fraud",
        Duration.ofDays(2), "yes", "no", new FeedbackSpec.Evaluation("persistent://t/fb/acc", 0,
            Duration.ofMinutes(30), 50), new FeedbackSpec.Drift("persistent://t/fb/alerts", "page-hinkley", 0.005),
        new FeedbackSpec.OnlineLearning("hoeffding", 200, "t/models", 0.02, 300)));
  }

  @Test
  void shouldReportEveryBadValueWithItsLine() {
    assertThat(Specs.problems(Specs.MINIMAL + """
        feedback:
          topic: persistent://t/fb/outcomes
          predictionIdField: txId
          horizon: 0
          positiveLabel: a
          negativeLabel: a
          evaluation: {window: 5, every: 0}
          drift: {detector: cusum, delta: 2}
          learning:
            online: {algorithm: sgd, promote: {margin: 1.5}}
        """)).isEqualTo(List.of(
        "feedback.predictionIdField (line 15): was 'txId' but it is not a field of source.schema.fields (x)",
        "feedback.horizon (line 16): was '0' but it is out of range; use a duration from 1s to 30d",
        "feedback.negativeLabel (line 18): was 'a' but it is the same as the other label; positiveLabel and "
            + "negativeLabel must differ",
        "feedback.evaluation.every (line 19): was '0' but it is out of range; use a whole number from 1 to 1000000",
        "feedback.evaluation.window (line 19): was '5' but it is out of range; use a whole number from 10 to 100000; "
            + "or write a duration such as 1h",
        "feedback.drift.detector (line 20): was 'cusum' but it is not one of adwin, page-hinkley",
        "feedback.drift.delta (line 20): was '2' but it is out of range; use a number above 0 and below 1, such as "
            + "0.002",
        "feedback.learning.online.algorithm (line 22): was 'sgd' but it is not one of ftrl, hoeffding",
        "feedback.learning.online.registry (line 22): was missing but it is required when no score stage has "
            + "model.registry; for example 'registry: ml/models'",
        "feedback.learning.online.promote.margin (line 22): was '1.5' but it is out of range; use a share from 0 "
            + "to below 1, such as 0.01"));
  }
}
