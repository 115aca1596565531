package dev.gyre.onnx.internal;

import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import dev.gyre.api.Prediction;
import java.util.List;
import java.util.Map;

/**
 * Reads scikit-learn's classifier form: a sequence with one map from class label to probability
 * per row (the ZipMap operator, output {@code output_probability}). String keys are the labels;
 * integer keys index {@code gyre.labels} when the model carries it, and are printed otherwise.
 *
 * @param outputName     the sequence-of-maps output
 * @param metadataLabels labels for integer keys, from {@code gyre.labels}; may be empty
 */
public record ProbabilityMapReader(String outputName, List<String> metadataLabels) implements OutputReader {

  public ProbabilityMapReader {
    metadataLabels = List.copyOf(metadataLabels);
  }

  @Override
  public List<String> labels() {
    return metadataLabels;
  }

  @Override
  public Prediction[] read(OnnxValue value, int rows) throws OrtException {
    List<? extends OnnxValue> maps = ((OnnxSequence) value).getValue();
    try {
      Prediction[] predictions = new Prediction[rows];
      for (int r = 0; r < rows; r++) {
        predictions[r] = best(((OnnxMap) maps.get(r)).getValue());
      }
      return predictions;
    } finally {
      // each element is its own native value, not released with the sequence
      maps.forEach(OnnxValue::close);
    }
  }

  private Prediction best(Map<?, ?> probabilities) {
    Object bestKey = null;
    float bestProbability = Float.NEGATIVE_INFINITY;
    for (Map.Entry<?, ?> e : probabilities.entrySet()) {
      float p = ((Number) e.getValue()).floatValue();
      if (bestKey == null || p > bestProbability) {
        bestKey = e.getKey();
        bestProbability = p;
      }
    }
    return new Prediction(label(bestKey), bestProbability);
  }

  private String label(Object key) {
    if (key instanceof Long index && index >= 0 && index < metadataLabels.size()) {
      return metadataLabels.get(index.intValue());
    }
    return String.valueOf(key);
  }
}
