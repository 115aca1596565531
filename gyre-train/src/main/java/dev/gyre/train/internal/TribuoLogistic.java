package dev.gyre.train.internal;

import dev.gyre.api.ModelException;
import dev.gyre.train.TrainerSettings;
import dev.gyre.train.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits a Tribuo logistic regression on a {@link TrainingSet} and scores rows with it.
 *
 * <p>Tribuo numbers features by sorting their names, and its ONNX input takes columns in that
 * order. So features are given to Tribuo as {@code <zero-padded index>:<name>}, which sorts in the
 * training set's order; {@link #fit} checks the resulting numbering.
 */
public final class TribuoLogistic {
  /** AdaGrad's epsilon, fixed. */
  public static final double ADAGRAD_EPSILON = 0.1;

  private TribuoLogistic() {}

  /** Fits on the given rows of the set. */
  public static LinearSGDModel fit(TrainingSet set, int[] rows, TrainerSettings settings) {
    String[] keys = featureKeys(set.featureNames());
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("gyre training set", factory), factory);
    for (int row : rows) {
      data.add(new ArrayExample<>(new Label(set.labels().get(row)), keys, values(set, row)));
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
        new AdaGrad(settings.learningRate(), ADAGRAD_EPSILON), settings.epochs(), -1, 1, settings.seed());
    LinearSGDModel model = trainer.train(data);
    ImmutableFeatureMap features = model.getFeatureIDMap();
    for (int i = 0; i < keys.length; i++) {
      if (features.size() != keys.length || features.getID(keys[i]) != i) {
        throw new ModelException("Tribuo numbered feature '" + set.featureNames().get(i) + "' as column "
            + features.getID(keys[i]) + " of " + features.size() + " instead of " + i + " of " + keys.length
            + "; the exported model would read its inputs in the wrong order. Please report this.");
      }
    }
    return model;
  }

  /** The model's labels in output column order. */
  public static List<String> labels(LinearSGDModel model) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < model.getOutputIDInfo().size(); i++) {
      labels.add(model.getOutputIDInfo().getOutput(i).getLabel());
    }
    return labels;
  }

  /** Tribuo's probabilities for one row of the set, in output column order. */
  public static double[] probabilities(LinearSGDModel model, TrainingSet set, int row) {
    String[] keys = featureKeys(set.featureNames());
    Example<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, keys, values(set, row));
    Map<String, Label> scores = model.predict(example).getOutputScores();
    List<String> labels = labels(model);
    double[] probabilities = new double[labels.size()];
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = scores.get(labels.get(i)).getScore();
    }
    return probabilities;
  }

  /** Names that sort in the given order: {@code 00:zeta, 01:alpha, ...}. */
  static String[] featureKeys(List<String> names) {
    int width = Integer.toString(Math.max(names.size() - 1, 0)).length();
    String[] keys = new String[names.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = String.format("%0" + width + "d:%s", i, names.get(i));
    }
    return keys;
  }

  private static double[] values(TrainingSet set, int row) {
    double[] values = new double[set.featureNames().size()];
    for (int c = 0; c < values.length; c++) {
      values[c] = set.value(row, c);
    }
    return values;
  }
}
