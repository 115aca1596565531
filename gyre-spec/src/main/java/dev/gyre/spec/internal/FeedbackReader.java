package dev.gyre.spec.internal;

import static dev.gyre.spec.internal.SpecKeys.*;

import dev.gyre.spec.FeedbackSpec;
import dev.gyre.spec.ScoreStageSpec;
import java.time.Duration;
import java.util.List;

/**
 * Reads the {@code feedback} section: the outcome topic and fields, the horizon, and the learning
 * loop's {@code evaluation}, {@code drift} and {@code learning} blocks. Topics of evaluations and
 * alerts default to siblings of the feedback topic; the online learner's registry to the last score
 * stage's {@code model.registry}.
 */
final class FeedbackReader {
  private static final Duration MAX_WINDOW = Duration.ofDays(7);
  private final Problems problems;
  private final List<String> declaredFields;

  FeedbackReader(Problems problems, List<String> declaredFields) {
    this.problems = problems;
    this.declaredFields = declaredFields;
  }

  /** The section, or null after a problem (which is reported). */
  FeedbackSpec read(YamlMap feedback, List<StageReader.Draft> stages) {
    if (feedback == null) {
      return null;
    }
    int before = problems.count();
    String topic = feedback.topic(FEEDBACK_TOPIC);
    String idField = identifier(feedback, FEEDBACK_ID_FIELD);
    String predictionId = identifier(feedback, FEEDBACK_PREDICTION_ID);
    if (predictionId != null && !declaredFields.isEmpty() && !declaredFields.contains(predictionId)) {
      problems.add(feedback.path(FEEDBACK_PREDICTION_ID), "is not a field of source.schema.fields ("
          + String.join(", ", declaredFields) + ")" + Suggest.clause(predictionId, declaredFields));
    }
    String labelField = identifier(feedback, FEEDBACK_LABEL_FIELD);
    Duration horizon = windowDuration(feedback, FEEDBACK_HORIZON, Duration.ofSeconds(1), Duration.ofDays(30));
    String positive = feedback.text(FEEDBACK_POSITIVE);
    String negative = feedback.text(FEEDBACK_NEGATIVE);
    if (positive != null && positive.equals(negative)) {
      problems.add(feedback.path(feedback.has(FEEDBACK_NEGATIVE) ? FEEDBACK_NEGATIVE : FEEDBACK_POSITIVE),
          "is the same as the other label; positiveLabel and negativeLabel must differ");
    }
    FeedbackSpec.Evaluation evaluation = topic == null ? null : evaluation(feedback.map(EVALUATION, false), topic);
    FeedbackSpec.Drift drift = topic == null ? null : drift(feedback.map(DRIFT, false), topic);
    YamlMap learning = feedback.map(LEARNING, false);
    FeedbackSpec.OnlineLearning online = learning != null && learning.has(ONLINE)
        ? online(learning.map(ONLINE, true), stages) : null;
    if (problems.count() > before) {
      return null;
    }
    return new FeedbackSpec(topic, idField, predictionId, labelField, horizon, positive, negative, evaluation, drift,
        online);
  }

  private FeedbackSpec.Evaluation evaluation(YamlMap map, String feedbackTopic) {
    String topic = map.has(EVALUATION_TOPIC) ? map.topic(EVALUATION_TOPIC)
        : FeedbackSpec.sibling(feedbackTopic, "model-accuracy");
    String window = map.text(EVALUATION_WINDOW);
    Integer every = map.integer(EVALUATION_EVERY);
    int labels = 0;
    Duration duration = null;
    if (window != null && window.matches("[0-9_]+")) {
      try {
        labels = Math.toIntExact(Values.integer(window, 10, 100_000));
      } catch (IllegalArgumentException e) {
        problems.add(map.path(EVALUATION_WINDOW), e.getMessage() + "; or write a duration such as 1h");
      }
    } else if (window != null) {
      duration = windowDuration(map, EVALUATION_WINDOW, Duration.ofSeconds(1), MAX_WINDOW);
    }
    boolean ok = topic != null && every != null && (labels > 0 || duration != null);
    return ok ? new FeedbackSpec.Evaluation(topic, labels, duration, every) : null;
  }

  private FeedbackSpec.Drift drift(YamlMap map, String feedbackTopic) {
    String topic = map.has(DRIFT_ALERTS) ? map.topic(DRIFT_ALERTS) : FeedbackSpec.sibling(feedbackTopic, "model-alerts");
    String detector = map.choice(DRIFT_DETECTOR);
    Double delta = map.number(DRIFT_DELTA);
    if (delta != null && !(delta > 0 && delta < 1)) {
      problems.add(map.path(DRIFT_DELTA), "is out of range; use a number above 0 and below 1, such as 0.002");
      return null;
    }
    return topic == null || detector == null || delta == null ? null : new FeedbackSpec.Drift(topic, detector, delta);
  }

  private FeedbackSpec.OnlineLearning online(YamlMap map, List<StageReader.Draft> stages) {
    if (map == null) {
      return null;
    }
    String algorithm = map.choice(ONLINE_ALGORITHM);
    Integer every = map.integer(ONLINE_SNAPSHOT_EVERY);
    String registry = map.has(ONLINE_REGISTRY) ? map.namespace(ONLINE_REGISTRY) : stageRegistry(stages);
    if (registry == null && !map.has(ONLINE_REGISTRY)) {
      problems.add(map.path(ONLINE_REGISTRY), "is required when no score stage has "
          + "model.registry; for example 'registry: " + ONLINE_REGISTRY.example() + "'");
    }
    YamlMap promote = map.map(PROMOTE, false);
    Double margin = promote.number(PROMOTE_MARGIN);
    if (margin != null && !(margin >= 0 && margin < 1)) {
      problems.add(promote.path(PROMOTE_MARGIN), "is out of range; use a share from 0 to below 1, such as 0.01");
      margin = null;
    }
    Integer minLabels = promote.integer(PROMOTE_MIN_LABELS);
    return algorithm == null || every == null || registry == null || margin == null || minLabels == null ? null
        : new FeedbackSpec.OnlineLearning(algorithm, every, registry, margin, minLabels);
  }

  private static String stageRegistry(List<StageReader.Draft> stages) {
    for (int i = stages.size() - 1; i >= 0; i--) {
      if (stages.get(i).stage() instanceof ScoreStageSpec score) {
        return score.model().registry();
      }
    }
    return null;
  }

  private String identifier(YamlMap map, Option option) {
    String text = map.text(option);
    try {
      return text == null ? null : Values.identifier(text, "field name");
    } catch (IllegalArgumentException e) {
      problems.add(map.path(option), e.getMessage());
      return null;
    }
  }

  private Duration windowDuration(YamlMap map, Option option, Duration min, Duration max) {
    String text = map.text(option);
    try {
      return text == null ? null : WindowDurations.parse(text, min, max);
    } catch (IllegalArgumentException e) {
      problems.add(map.path(option), e.getMessage());
      return null;
    }
  }
}
