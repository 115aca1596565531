package dev.gyre.api;

import java.nio.FloatBuffer;
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

  /**
   * Scores several rows in one call: the micro-batching path of the score stage, where one model
   * call serves many events. The default scores row by row; models with a cheaper batch path (ONNX
   * Runtime runs a {@code [rows, inputs]} tensor in one go) override it.
   *
   * @param rows     {@code rowCount * inputs().size()} values, row after row, starting at index 0
   *                 (absolute indexing: the buffer's position and limit are ignored). A direct buffer
   *                 in native byte order lets a native runtime read it without copying.
   * @param rowCount how many rows to score, at least 1
   * @return one prediction per row, in row order
   * @throws ModelException if any row does not fit the model; the caller may then score the rows
   *     one by one to find which
   */
  default Prediction[] predictBatch(FloatBuffer rows, int rowCount) {
    int width = inputs().size();
    Prediction[] predictions = new Prediction[rowCount];
    float[] row = new float[width];
    for (int r = 0; r < rowCount; r++) {
      for (int i = 0; i < width; i++) {
        row[i] = rows.get(r * width + i);
      }
      predictions[r] = predict(row);
    }
    return predictions;
  }

  @Override
  void close();
}
