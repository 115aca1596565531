package dev.gyre.learn.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gyre.learn.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How one model version did over one window, at one moment. Immutable; {@link #toJson()} is the payload
 * published to the feedback topic (such as {@code persistent://ml/feedback/model-accuracy}). A metric is
 * {@code null} when it does not apply (regression metrics of a classifier) or is undefined on the
 * window (precision with no positive predictions, ROC AUC with one class only); {@code null} fields are
 * left out of the JSON.
 *
 * @param model       the model's name
 * @param version     the model version
 * @param window      the window's name, such as {@code last-1000}
 * @param at          when the snapshot was taken
 * @param labels      labelled examples in the window
 * @param accuracy    share of correct predicted classes
 * @param precision   of the positive class: TP / (TP + FP)
 * @param recall      of the positive class: TP / (TP + FN)
 * @param f1          harmonic mean of precision and recall
 * @param macroF1     mean F1 over every class seen in the window
 * @param rocAuc      exact ROC AUC of the positive-class probability (ties count one half)
 * @param logLoss     mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15]
 * @param brier       mean squared error of the positive-class probability
 * @param reliability ten equal-width bins of the positive-class probability
 * @param mae         mean absolute error (regression)
 * @param rmse        root mean squared error (regression)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evaluation(
    String model, String version, String window, Instant at, long labels, Double accuracy, Double precision,
    Double recall, Double f1, Double macroF1, Double rocAuc, Double logLoss, Double brier,
    List<ReliabilityBin> reliability, Double mae, Double rmse) {
  public Evaluation {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(at, "at");
    reliability = reliability == null ? null : List.copyOf(reliability);
  }

  /** This evaluation as a JSON object. */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * Reads an evaluation written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException if the text is not an evaluation
   */
  public static Evaluation fromJson(String json) {
    return Json.read(json, Evaluation.class);
  }
}
