package dev.gyre.api;

import java.util.List;

/**
 * A loaded model that scores one row of numeric features.
 *
 * <p>Implementations are safe for concurrent use by several stage threads (ONNX Runtime sessions
 * are), load everything they need up front, and report problems at load time as
 * {@link ModelException}: the first event must never be the one that discovers a broken model.
 */
public interface Model extends AutoCloseable {

  /** The model's name, as declared in the spec. */
  String name();

  /** The version being served; carried by every prediction. */
  String version();

  /** Names of the features the model expects, in the order {@link #predict} takes them. */
  List<String> inputs();

  /**
   * Scores one row.
   *
   * @param features one value per entry of {@link #inputs()}, in that order
   * @return the prediction, never {@code null}
   * @throws ModelException if the row does not fit the model
   */
  Prediction predict(float[] features);

  @Override
  void close();
}
