package dev.gyre.train.internal;

import dev.gyre.api.ModelException;
import dev.gyre.train.AlgorithmSettings;
import dev.gyre.train.TrainingReport;
import dev.gyre.train.TrainingSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** What every trainer does around its algorithm: check the request, split off a holdout, evaluate on it. */
public final class Holdout {
  private Holdout() {}

  /**
   * Checks the request and splits the set.
   *
   * @throws ModelException if the name or version is blank, the set has fewer than two labels, or too
   *     few rows to hold any out
   */
  public static StratifiedSplit split(TrainingSet set, String modelName, String version, AlgorithmSettings settings) {
    if (modelName.isBlank() || version.isBlank()) {
      throw new ModelException("model name and version must not be blank, but were '" + modelName
          + "' and '" + version + "'");
    }
    if (set.labels().stream().distinct().count() < 2) {
      throw new ModelException("the training set has only the label(s) " + set.labels().stream().distinct().toList()
          + "; a classifier needs rows of at least two labels");
    }
    StratifiedSplit split = StratifiedSplit.of(set.labels(), settings.holdoutFraction(), settings.seed());
    if (split.holdout().length == 0) {
      throw new ModelException("the training set has too few rows (" + set.size() + ") to hold out "
          + settings.holdoutFraction() + " of each label for evaluation; add rows");
    }
    return split;
  }

  /**
   * Evaluates a fitted model on the holdout.
   *
   * @param labels        the model's labels in output column order
   * @param probabilities the model's probabilities for a row of the set, in that order
   */
  public static TrainingReport report(TrainingSet set, StratifiedSplit split, List<String> labels,
      IntFunction<double[]> probabilities, String modelName, String version, AlgorithmSettings settings) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    labels.forEach(label -> counts.put(label, 0));
    set.labels().forEach(label -> counts.merge(label, 1, Integer::sum));
    int[] trainingCounts = new int[labels.size()];
    for (int row : split.training()) {
      trainingCounts[labels.indexOf(set.labels().get(row))]++;
    }
    int majority = 0;
    for (int i = 1; i < trainingCounts.length; i++) {
      majority = trainingCounts[i] > trainingCounts[majority] ? i : majority;
    }
    int[] holdout = split.holdout();
    int[] actual = new int[holdout.length];
    int[] predicted = new int[holdout.length];
    int[] baseline = new int[holdout.length];
    double[] positiveScores = new double[holdout.length];
    boolean[] positive = new boolean[holdout.length];
    for (int k = 0; k < holdout.length; k++) {
      double[] p = probabilities.apply(holdout[k]);
      actual[k] = labels.indexOf(set.labels().get(holdout[k]));
      for (int c = 1; c < p.length; c++) {
        predicted[k] = p[c] > p[predicted[k]] ? c : predicted[k];
      }
      baseline[k] = majority;
      positiveScores[k] = p.length == 2 ? p[1] : Double.NaN;
      positive[k] = actual[k] == 1;
    }
    boolean binary = labels.size() == 2;
    return new TrainingReport(modelName, version, set.size(), split.training().length, holdout.length, counts,
        Evaluation.accuracy(predicted, actual), binary ? Evaluation.rocAuc(positiveScores, positive) : Double.NaN,
        binary ? labels.get(1) : null, labels.get(majority), Evaluation.accuracy(baseline, actual), settings);
  }
}
