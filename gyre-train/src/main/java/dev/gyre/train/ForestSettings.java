package dev.gyre.train;

import dev.gyre.api.ModelException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link TreeEnsembleTrainer}, recorded in every {@link TrainingReport}.
 *
 * @param trees           trees in the forest, 1 to 1,000
 * @param maxDepth        deepest split of a tree, 1 to 30
 * @param seed            seeds the holdout split, the bootstrap samples and the features tried at each
 *                        split: same data, same settings, same model
 * @param holdoutFraction share of each label's rows held out for evaluation, in (0, 0.5]
 * @throws ModelException if a setting is out of range
 */
public record ForestSettings(int trees, int maxDepth, long seed, double holdoutFraction) implements AlgorithmSettings {

  /** Defaults: 50 trees of depth at most 8, seed 42, 20% holdout. */
  public static final ForestSettings DEFAULTS = new ForestSettings(50, 8, 42L, 0.2);

  public ForestSettings {
    if (trees < 1 || trees > 1_000) {
      throw new ModelException("trees was " + trees + " but it must be between 1 and 1000");
    }
    if (maxDepth < 1 || maxDepth > 30) {
      throw new ModelException("maxDepth was " + maxDepth + " but it must be between 1 and 30");
    }
    if (!(holdoutFraction > 0 && holdoutFraction <= 0.5)) {
      throw new ModelException("holdoutFraction was " + holdoutFraction + " but it must be in (0, 0.5]");
    }
  }

  /** A copy with another number of trees. */
  public ForestSettings withTrees(int newTrees) {
    return new ForestSettings(newTrees, maxDepth, seed, holdoutFraction);
  }

  /** A copy with another maximum depth. */
  public ForestSettings withMaxDepth(int newMaxDepth) {
    return new ForestSettings(trees, newMaxDepth, seed, holdoutFraction);
  }

  /** A copy with another seed. */
  public ForestSettings withSeed(long newSeed) {
    return new ForestSettings(trees, maxDepth, newSeed, holdoutFraction);
  }

  /**
   * The share of features tried at each split for {@code features} features: {@code sqrt(n) / n},
   * scikit-learn's default, but 0.5 for one feature (Tribuo's random forest refuses 1.0, and
   * rounds 0.5 of one feature up to that feature).
   */
  public static float featureFraction(int features) {
    return features <= 1 ? 0.5f : (float) (Math.sqrt(features) / features);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("library", "Tribuo " + org.tribuo.Tribuo.VERSION);
    d.put("algorithm", "RandomForestTrainer");
    d.put("tree", "CARTClassificationTrainer");
    d.put("impurity", "GiniIndex");
    d.put("combiner", "FullyWeightedVotingCombiner");
    d.put("trees", trees);
    d.put("maxDepth", maxDepth);
    d.put("seed", seed);
    d.put("holdoutFraction", holdoutFraction);
    return d;
  }
}
