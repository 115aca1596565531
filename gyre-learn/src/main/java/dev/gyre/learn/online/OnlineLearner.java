package dev.gyre.learn.online;

import dev.gyre.api.Prediction;
import java.util.List;

/**
 * A model that learns one labelled example at a time, and hands out immutable snapshots to serve.
 *
 * <p><b>Why a mutable learner with immutable snapshots</b> (rather than Tribuo's style of returning a
 * new model from every update): copying a learner's state on every label would cost as much as the
 * state (FTRL's two tables of {@code 2^bits} doubles; a whole tree) per example, while the serving side
 * only needs a new model now and then. So the learner mutates in place, owned by the one thread that
 * feeds it labels, and {@link #snapshot} builds a {@link LearnedModel} that never changes: serving,
 * swapping and rolling back are one atomic reference change between snapshots, as the registry does.
 *
 * <p>Score first, then learn: a caller evaluating prequentially calls {@link #predict} on an example
 * before {@link #learn} on it.
 *
 * <p>Not thread-safe; snapshots are.
 */
public interface OnlineLearner {

  /** The model's name, carried by its snapshots. */
  String name();

  /** The feature names, in the order rows are given. */
  List<String> inputs();

  /**
   * Learns one example.
   *
   * @param x     one value per {@link #inputs()} entry, finite
   * @param label the true class
   * @throws IllegalArgumentException if the row has the wrong width, a value is not finite, or the label
   *     is not one this learner can learn (the caller dead-letters the example)
   */
  void learn(float[] x, String label);

  /** Scores a row with the current state (not a snapshot). */
  Prediction predict(float[] x);

  /** Examples learned so far. */
  long examplesSeen();

  /** The current state as an immutable model carrying {@code version}. */
  LearnedModel snapshot(String version);
}
