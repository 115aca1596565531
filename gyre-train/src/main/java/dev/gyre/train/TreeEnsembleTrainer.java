package dev.gyre.train;

import dev.gyre.api.ModelException;
import dev.gyre.train.internal.Holdout;
import dev.gyre.train.internal.OnnxExport;
import dev.gyre.train.internal.StratifiedSplit;
import dev.gyre.train.internal.TreeEnsembleExport;
import dev.gyre.train.internal.TribuoForest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Trains a random forest classifier with Tribuo (CART trees on bootstrap samples, Gini impurity,
 * {@link ForestSettings#featureFraction} of the features tried at each split, seeded), evaluates it
 * on a stratified holdout and exports it to ONNX as one {@code ai.onnx.ml.TreeEnsembleClassifier}.
 *
 * <p>The exported model is the one evaluated, fitted on the training part only. Its input is a
 * float tensor {@code input [batch, features]} with columns in {@link TrainingSet#featureNames()}
 * order; its outputs are {@code label}, the most probable label as a string tensor, and
 * {@code probabilities}, a float tensor {@code [batch, labels]} holding the average of the trees'
 * leaf distributions (what Tribuo predicts, within 1e-6: ONNX Runtime sums in float). Metadata as
 * for {@link LogisticRegressionTrainer}: {@code gyre.inputs}, {@code gyre.labels} (output column
 * order), {@code gyre.model.name}, {@code gyre.model.version} and {@code gyre.training.report}.
 *
 * <p>Trees need no feature scaling, and split on thresholds only, so they serve any monotone
 * feature as well as its scaled form.
 *
 * <p>Example:
 * <pre>{@code
 * TrainingReport report = new TreeEnsembleTrainer(ForestSettings.DEFAULTS.withTrees(100))
 *     .train(set, "churn", "4", Path.of("models/churn-4.onnx"));
 * }</pre>
 *
 * <p>Thread-safe: holds only its settings; each call trains independently.
 */
public final class TreeEnsembleTrainer {
  private final ForestSettings settings;

  /** A trainer with {@link ForestSettings#DEFAULTS}. */
  public TreeEnsembleTrainer() {
    this(ForestSettings.DEFAULTS);
  }

  /** A trainer with the given settings. */
  public TreeEnsembleTrainer(ForestSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The settings this trainer uses. */
  public ForestSettings settings() {
    return settings;
  }

  /**
   * Trains, evaluates and writes the model to {@code onnxOut} (parent directories are created; an
   * existing file is replaced only once the new one is complete).
   *
   * @return the report, also stored in the model
   * @throws ModelException if the set has fewer than two labels or too few rows to hold any out,
   *     if the name or version is blank, or if the file cannot be written
   */
  public TrainingReport train(TrainingSet set, String modelName, String version, Path onnxOut) {
    StratifiedSplit split = Holdout.split(set, modelName, version, settings);
    Model<Label> forest = TribuoForest.fit(set, split.training(), settings);
    List<String> labels = TribuoForest.labels(forest);
    TrainingReport report = Holdout.report(set, split, labels, row -> TribuoForest.probabilities(forest, set, row),
        modelName, version, settings);

    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(LogisticRegressionTrainer.INPUTS_METADATA, String.join(",", set.featureNames()));
    metadata.put(LogisticRegressionTrainer.LABELS_METADATA, String.join(",", labels));
    metadata.put(LogisticRegressionTrainer.NAME_METADATA, modelName);
    metadata.put(LogisticRegressionTrainer.VERSION_METADATA, version);
    metadata.put(LogisticRegressionTrainer.REPORT_METADATA, report.toJson());
    List<String> keys = Arrays.asList(TribuoForest.featureKeys(set));
    OnnxExport.write(TreeEnsembleExport.toOnnx(forest, labels, keys, version), metadata, onnxOut);
    return report;
  }
}
