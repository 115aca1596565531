package dev.gyre.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import dev.gyre.api.Prediction;
import java.util.List;

/**
 * Reads a single float value per row ({@code [1]} or {@code [1, 1]}), as regressors export. The
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
  public Prediction read(OnnxValue value) {
    float v = ((OnnxTensor) value).getFloatBuffer().get(0);
    return new Prediction(String.valueOf(v), v);
  }
}
