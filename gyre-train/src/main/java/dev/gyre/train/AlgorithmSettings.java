package dev.gyre.train;

import java.util.Map;

/**
 * The settings of one of Gyre's training algorithms, recorded in every {@link TrainingReport}:
 * {@link TrainerSettings} for {@link LogisticRegressionTrainer}, {@link ForestSettings} for
 * {@link TreeEnsembleTrainer}.
 */
public sealed interface AlgorithmSettings permits TrainerSettings, ForestSettings {

  /** Seeds the holdout split and the algorithm's own randomness: same data, same settings, same model. */
  long seed();

  /** Share of each label's rows held out for evaluation, in (0, 0.5]. */
  double holdoutFraction();

  /**
   * The trainer's description for the report's {@code trainer} member: library, algorithm and every
   * setting, in a fixed order. A new map on each call.
   */
  Map<String, Object> describe();
}
