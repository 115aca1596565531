package dev.gyre.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import dev.gyre.api.Prediction;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Reads a single float value per row ({@code [rows]} or {@code [rows, 1]}), as regressors export. The
 * prediction's label is the value as text and its probability the value itself.
 *
 * @param outputName the value output
 */
public record RegressionReader(String outputName) implements OutputReader {

  @Override
  public List<String> labels() {
    return List.of();
  }

  @Override
  public Prediction[] read(OnnxValue value, int rows) {
    FloatBuffer values = ((OnnxTensor) value).getFloatBuffer();
    Prediction[] predictions = new Prediction[rows];
    for (int r = 0; r < rows; r++) {
      float v = values.get(r);
      predictions[r] = new Prediction(String.valueOf(v), v);
    }
    return predictions;
  }
}
