package dev.gyre.train;

import dev.gyre.train.internal.JsonWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a training run produced and how well it did on rows it never saw. Stored in the exported
 * model as JSON under the metadata key {@value LogisticRegressionTrainer#REPORT_METADATA}.
 *
 * @param modelName        the model's name
 * @param version          the model's version
 * @param rows             rows in the training set
 * @param trainingRows     rows the model was fitted on
 * @param holdoutRows      rows held out for the figures below
 * @param labelCounts      rows per label over the whole set, in the model's output column order
 * @param holdoutAccuracy  share of holdout rows whose most probable label is right
 * @param holdoutRocAuc    area under the ROC curve on the holdout for a binary problem, scoring
 *                         rows by the probability of {@code positiveLabel}; NaN ({@code null} in
 *                         JSON) for more than two labels or a holdout holding only one label
 * @param positiveLabel    the label whose probability {@code holdoutRocAuc} ranks by (the second
 *                         output column); {@code null} unless binary
 * @param majorityLabel    the most frequent label among the training rows
 * @param baselineAccuracy holdout accuracy of always answering {@code majorityLabel}
 * @param settings         the algorithm and settings used
 */
public record TrainingReport(
    String modelName, String version, int rows, int trainingRows, int holdoutRows,
    Map<String, Integer> labelCounts, double holdoutAccuracy, double holdoutRocAuc,
    String positiveLabel, String majorityLabel, double baselineAccuracy, AlgorithmSettings settings) {

  public TrainingReport {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(majorityLabel, "majorityLabel");
    Objects.requireNonNull(settings, "settings");
    labelCounts = Collections.unmodifiableMap(new LinkedHashMap<>(labelCounts));
  }

  /** The report as one line of JSON, members in declaration order, trainer details included. */
  public String toJson() {
    return new JsonWriter()
        .put("modelName", modelName)
        .put("version", version)
        .put("rows", rows)
        .put("trainingRows", trainingRows)
        .put("holdoutRows", holdoutRows)
        .put("labelCounts", labelCounts)
        .put("holdoutAccuracy", holdoutAccuracy)
        .put("holdoutRocAuc", holdoutRocAuc)
        .put("positiveLabel", positiveLabel)
        .put("majorityLabel", majorityLabel)
        .put("baselineAccuracy", baselineAccuracy)
        .put("trainer", settings.describe())
        .toString();
  }
}
