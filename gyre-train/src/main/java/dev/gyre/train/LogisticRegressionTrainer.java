package dev.gyre.train;

import dev.gyre.api.ModelException;
import dev.gyre.train.internal.Holdout;
import dev.gyre.train.internal.OnnxExport;
import dev.gyre.train.internal.StratifiedSplit;
import dev.gyre.train.internal.TribuoLogistic;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

/**
 * Trains a binary or multiclass logistic regression with Tribuo ({@code LinearSGDTrainer},
 * {@code LogMulticlass} objective, AdaGrad, minibatch 1, seeded), evaluates it on a stratified
 * holdout and exports it to ONNX for {@code gyre-onnx} to serve.
 *
 * <p>The exported model is the one evaluated, fitted on the training part only, so the report
 * describes exactly what will serve. Its input is a float tensor {@code [batch, features]} with
 * columns in {@link TrainingSet#featureNames()} order, its output Tribuo's {@code output}, a float
 * tensor {@code [batch, labels]} of softmax probabilities. Metadata added to the model:
 * {@value #INPUTS_METADATA}, {@value #LABELS_METADATA} (output column order),
 * {@value #NAME_METADATA}, {@value #VERSION_METADATA} and {@value #REPORT_METADATA} (the
 * {@link TrainingReport} as JSON), next to Tribuo's own {@code TRIBUO_PROVENANCE}.
 *
 * <p>Features are used as given, not standardised: Tribuo cannot export a feature-transformed model
 * to ONNX, so scaling inside the model would be lost. Scale features in the pipeline's formulas,
 * which then apply identically when training data is prepared and when serving.
 *
 * <p>Example:
 * <pre>{@code
 * TrainingReport report = new LogisticRegressionTrainer(TrainerSettings.DEFAULTS.withEpochs(30))
 *     .train(set, "churn", "3", Path.of("models/churn-3.onnx"));
 * }</pre>
 *
 * <p>Thread-safe: holds only its settings; each call trains independently.
 */
public final class LogisticRegressionTrainer {
  /** Metadata key: feature names, comma-separated, in input column order. */
  public static final String INPUTS_METADATA = "gyre.inputs";
  /** Metadata key: class labels, comma-separated, in output column order. */
  public static final String LABELS_METADATA = "gyre.labels";
  /** Metadata key: the model's name. */
  public static final String NAME_METADATA = "gyre.model.name";
  /** Metadata key: the model's version. */
  public static final String VERSION_METADATA = "gyre.model.version";
  /** Metadata key: the training report, as JSON. */
  public static final String REPORT_METADATA = "gyre.training.report";

  private final TrainerSettings settings;

  /** A trainer with {@link TrainerSettings#DEFAULTS}. */
  public LogisticRegressionTrainer() {
    this(TrainerSettings.DEFAULTS);
  }

  /** A trainer with the given settings. */
  public LogisticRegressionTrainer(TrainerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The settings this trainer uses. */
  public TrainerSettings settings() {
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
    LinearSGDModel model = TribuoLogistic.fit(set, split.training(), settings);
    List<String> labels = TribuoLogistic.labels(model);
    TrainingReport report = Holdout.report(set, split, labels, row -> TribuoLogistic.probabilities(model, set, row),
        modelName, version, settings);

    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(INPUTS_METADATA, String.join(",", set.featureNames()));
    metadata.put(LABELS_METADATA, String.join(",", labels));
    metadata.put(NAME_METADATA, modelName);
    metadata.put(VERSION_METADATA, version);
    metadata.put(REPORT_METADATA, report.toJson());
    OnnxExport.write(model, version, metadata, onnxOut);
    return report;
  }
}
