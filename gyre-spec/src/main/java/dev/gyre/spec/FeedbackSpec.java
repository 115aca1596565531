package dev.gyre.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where labelled outcomes arrive, and what the learning loop does with them: join each outcome to its
 * prediction within a horizon, evaluate every model version, watch the error stream for drift, and
 * optionally learn online and promote better versions. Read by {@code gyre-loop}.
 *
 * @param topic             where outcomes arrive, checked with {@link TopicName#parse}
 * @param idField           the outcome field naming the event the outcome resolves
 * @param predictionIdField the prediction field that id is matched to; {@code null} matches the prediction's
 *                          {@code gyre.event-id} message property
 * @param labelField        the outcome field holding the true label
 * @param horizon           how long after its prediction an outcome may come, positive
 * @param positiveLabel     the class precision and recall are about, and an online learner's positive class
 * @param negativeLabel     an online learner's other class
 * @param evaluation        where and how often evaluations are published
 * @param drift             concept-drift detection on the error stream
 * @param online            online learning, or {@code null} for none
 */
public record FeedbackSpec(String topic, String idField, String predictionIdField, String labelField,
    Duration horizon, String positiveLabel, String negativeLabel, Evaluation evaluation, Drift drift,
    OnlineLearning online) {

  /** The detectors {@link Drift#detector()} may name. */
  public static final List<String> DETECTORS = List.of("adwin", "page-hinkley");
  /** The learners {@link OnlineLearning#algorithm()} may name. */
  public static final List<String> ALGORITHMS = List.of("ftrl", "hoeffding");

  public FeedbackSpec {
    TopicName.parse(Objects.requireNonNull(topic, "topic"));
    Objects.requireNonNull(idField, "idField");
    Objects.requireNonNull(labelField, "labelField");
    Objects.requireNonNull(positiveLabel, "positiveLabel");
    Objects.requireNonNull(negativeLabel, "negativeLabel");
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be positive, was " + horizon);
    }
    if (positiveLabel.equals(negativeLabel)) {
      throw new IllegalArgumentException("positiveLabel and negativeLabel must differ, both were " + positiveLabel);
    }
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(drift, "drift");
  }

  /** Feedback on {@code topic} with every other key at its default. */
  public FeedbackSpec(String topic) {
    this(topic, "event_id", null, "label", Duration.ofHours(1), "1", "0",
        new Evaluation(sibling(topic, "model-accuracy"), 1000, null, 100),
        new Drift(sibling(topic, "model-alerts"), "adwin", 0.002), null);
  }

  /** {@code local} in the namespace of {@code topic}: where evaluations and alerts go by default. */
  public static String sibling(String topic, String local) {
    TopicName name = TopicName.parse(topic);
    return name.domain() + "://" + name.tenant() + "/" + name.namespace() + "/" + local;
  }

  /**
   * Online evaluation.
   *
   * @param topic          where {@code Evaluation} events go
   * @param windowLabels   the window as the latest N labels, or 0 when {@code windowDuration} is set
   * @param windowDuration the window as a duration, or {@code null}
   * @param every          publish after this many joined labels
   */
  public record Evaluation(String topic, int windowLabels, Duration windowDuration, int every) {
    public Evaluation {
      TopicName.parse(Objects.requireNonNull(topic, "topic"));
      if ((windowLabels > 0) == (windowDuration != null) || every < 1) {
        throw new IllegalArgumentException("one window (labels or duration) and every >= 1, was " + windowLabels
            + ", " + windowDuration + ", " + every);
      }
    }
  }

  /**
   * Concept-drift detection on the error stream of joined labels.
   *
   * @param alertsTopic where {@code DriftAlert} events go
   * @param detector    one of {@link #DETECTORS}
   * @param delta       ADWIN's confidence, or Page-Hinkley's tolerated change
   */
  public record Drift(String alertsTopic, String detector, double delta) {
    public Drift {
      TopicName.parse(Objects.requireNonNull(alertsTopic, "alertsTopic"));
      if (!DETECTORS.contains(detector) || !(delta > 0 && delta < 1)) {
        throw new IllegalArgumentException("detector in " + DETECTORS + " and 0 < delta < 1, was " + detector
            + ", " + delta);
      }
    }
  }

  /**
   * Online learning with promotion.
   *
   * @param algorithm     one of {@link #ALGORITHMS}
   * @param snapshotEvery push a snapshot to the registry after this many labels
   * @param registry      the registry namespace, {@code tenant/namespace}
   * @param margin        how much better (accuracy) a candidate must be to be promoted, and how much worse a
   *                      promoted version may get before it is rolled back
   * @param minLabels     labels a candidate (or a promoted version) is judged on
   */
  public record OnlineLearning(String algorithm, int snapshotEvery, String registry, double margin, int minLabels) {
    public OnlineLearning {
      Objects.requireNonNull(registry, "registry");
      if (!ALGORITHMS.contains(algorithm) || snapshotEvery < 1 || !(margin >= 0 && margin < 1) || minLabels < 1) {
        throw new IllegalArgumentException("algorithm in " + ALGORITHMS + ", snapshotEvery >= 1, 0 <= margin < 1, "
            + "minLabels >= 1, was " + algorithm + ", " + snapshotEvery + ", " + margin + ", " + minLabels);
      }
    }
  }
}
