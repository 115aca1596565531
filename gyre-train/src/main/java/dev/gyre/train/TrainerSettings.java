package dev.gyre.train;

import dev.gyre.api.ModelException;
import dev.gyre.train.internal.TribuoLogistic;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link LogisticRegressionTrainer}, recorded in every {@link TrainingReport}.
 *
 * @param epochs          passes over the training rows, at least 1
 * @param learningRate    AdaGrad's initial learning rate, positive
 * @param seed            seeds both the holdout split and the SGD shuffling: same data, same
 *                        settings, same model
 * @param holdoutFraction share of each label's rows held out for evaluation, in (0, 0.5]
 * @throws ModelException if a setting is out of range
 */
public record TrainerSettings(int epochs, double learningRate, long seed, double holdoutFraction)
    implements AlgorithmSettings {

  /** Defaults: 20 epochs, learning rate 0.1, seed 42, 20% holdout. */
  public static final TrainerSettings DEFAULTS = new TrainerSettings(20, 0.1, 42L, 0.2);

  public TrainerSettings {
    if (epochs < 1) {
      throw new ModelException("epochs was " + epochs + " but it must be at least 1");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new ModelException("learningRate was " + learningRate + " but it must be positive");
    }
    if (!(holdoutFraction > 0 && holdoutFraction <= 0.5)) {
      throw new ModelException("holdoutFraction was " + holdoutFraction + " but it must be in (0, 0.5]");
    }
  }

  /** A copy with another number of epochs. */
  public TrainerSettings withEpochs(int newEpochs) {
    return new TrainerSettings(newEpochs, learningRate, seed, holdoutFraction);
  }

  /** A copy with another seed. */
  public TrainerSettings withSeed(long newSeed) {
    return new TrainerSettings(epochs, learningRate, newSeed, holdoutFraction);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("library", "Tribuo " + org.tribuo.Tribuo.VERSION);
    d.put("algorithm", "LinearSGDTrainer");
    d.put("objective", "LogMulticlass");
    d.put("optimiser", "AdaGrad");
    d.put("adagradEpsilon", TribuoLogistic.ADAGRAD_EPSILON);
    d.put("minibatchSize", 1);
    d.put("standardisedFeatures", false);
    d.put("epochs", epochs);
    d.put("learningRate", learningRate);
    d.put("seed", seed);
    d.put("holdoutFraction", holdoutFraction);
    return d;
  }
}
