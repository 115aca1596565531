package dev.gyre.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import dev.gyre.api.Prediction;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Reads a float tensor {@code [rows, classes]} of class probabilities, the form Tribuo exports
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
  public Prediction[] read(OnnxValue value, int rows) {
    FloatBuffer probabilities = ((OnnxTensor) value).getFloatBuffer();
    int classes = labels.size();
    Prediction[] predictions = new Prediction[rows];
    for (int r = 0; r < rows; r++) {
      int offset = r * classes;
      int best = 0;
      float bestProbability = probabilities.get(offset);
      for (int i = 1; i < classes; i++) {
        float p = probabilities.get(offset + i);
        if (p > bestProbability) {
          best = i;
          bestProbability = p;
        }
      }
      predictions[r] = new Prediction(labels.get(best), bestProbability);
    }
    return predictions;
  }
}
