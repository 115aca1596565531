package dev.gyre.train.internal;

import dev.gyre.train.ForestSettings;
import dev.gyre.train.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits a Tribuo random forest of CART trees on a {@link TrainingSet} and scores rows with it. Each
 * tree sees a bootstrap sample and tries {@link ForestSettings#featureFraction} of the features at
 * each split; the forest's probabilities are the average of its trees' leaf distributions
 * ({@code FullyWeightedVotingCombiner} with unit weights), which {@link TreeEnsembleExport} writes as
 * ONNX. Features are named as for {@link TribuoLogistic}, so they keep the set's order.
 */
public final class TribuoForest {
  private TribuoForest() {}

  /** Fits on the given rows of the set. */
  public static Model<Label> fit(TrainingSet set, int[] rows, ForestSettings settings) {
    String[] keys = TribuoLogistic.featureKeys(set.featureNames());
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("gyre training set", factory), factory);
    for (int row : rows) {
      data.add(new ArrayExample<>(new Label(set.labels().get(row)), keys, values(set, row)));
    }
    CARTClassificationTrainer tree = new CARTClassificationTrainer(
        settings.maxDepth(), ForestSettings.featureFraction(keys.length), settings.seed());
    return new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), settings.trees(), settings.seed())
        .train(data);
  }

  /** The Tribuo feature names of the set's features, in column order. */
  public static String[] featureKeys(TrainingSet set) {
    return TribuoLogistic.featureKeys(set.featureNames());
  }

  /** The model's labels in output column order. */
  public static List<String> labels(Model<Label> model) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < model.getOutputIDInfo().size(); i++) {
      labels.add(model.getOutputIDInfo().getOutput(i).getLabel());
    }
    return labels;
  }

  /** Tribuo's probabilities for one row of the set, in output column order. */
  public static double[] probabilities(Model<Label> model, TrainingSet set, int row) {
    String[] keys = TribuoLogistic.featureKeys(set.featureNames());
    Example<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, keys, values(set, row));
    Map<String, Label> scores = model.predict(example).getOutputScores();
    List<String> labels = labels(model);
    double[] probabilities = new double[labels.size()];
    for (int i = 0; i < probabilities.length; i++) {
      Label score = scores.get(labels.get(i));
      probabilities[i] = score == null ? 0 : score.getScore();
    }
    return probabilities;
  }

  private static double[] values(TrainingSet set, int row) {
    double[] values = new double[set.featureNames().size()];
    for (int c = 0; c < values.length; c++) {
      values[c] = set.value(row, c);
    }
    return values;
  }
}
