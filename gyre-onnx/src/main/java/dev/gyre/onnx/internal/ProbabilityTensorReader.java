package dev.gyre.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import dev.gyre.api.Prediction;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Reads a float tensor {@code [1, classes]} of class probabilities, the form Tribuo exports
 * (output {@code output}, after a Softmax) and scikit-learn exports without ZipMap.
 *
 * @param outputName the probability output
 * @param labels     one label per column
 */
public record ProbabilityTensorReader(String outputName, List<String> labels) implements OutputReader {

  public ProbabilityTensorReader {
    labels = List.copyOf(labels);
  }

  @Override
  public Prediction read(OnnxValue value) {
    FloatBuffer probabilities = ((OnnxTensor) value).getFloatBuffer();
    int best = 0;
    float bestProbability = probabilities.get(0);
    for (int i = 1; i < labels.size(); i++) {
      float p = probabilities.get(i);
      if (p > bestProbability) {
        best = i;
        bestProbability = p;
      }
    }
    return new Prediction(labels.get(best), bestProbability);
  }
}
