package dev.gyre.onnx.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.gyre.api.ModelDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Chooses how to read a model's outputs, from their declared types and shapes. */
public final class OutputReaders {
  private OutputReaders() {}

  /**
   * Picks, in order: a float tensor {@code [batch, k]} with k &ge; 2 (class probabilities); a
   * sequence of maps to float (scikit-learn's ZipMap); a float tensor {@code [batch]} or
   * {@code [batch, 1]} (regression).
   *
   * @param outputs        the session's outputs, in model order
   * @param metadataLabels the {@code gyre.labels} of the model, empty when it has none
   */
  public static OutputReader choose(
      ModelDescriptor d, Map<String, NodeInfo> outputs, List<String> metadataLabels) {
    for (NodeInfo node : outputs.values()) {
      if (node.getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT
          && t.getShape().length == 2 && t.getShape()[1] != 1) {
        long classes = t.getShape()[1];
        if (classes < 2) {
          throw Failures.atLoad(d, "output '" + node.getName() + "' has a variable number of columns "
              + t, "Export the model with a fixed number of classes.");
        }
        return new ProbabilityTensorReader(node.getName(), labels(d, node.getName(), (int) classes, metadataLabels));
      }
    }
    for (NodeInfo node : outputs.values()) {
      if (node.getInfo() instanceof SequenceInfo s && s.isSequenceOfMaps()
          && s.mapInfo.valueType == OnnxJavaType.FLOAT) {
        return new ProbabilityMapReader(node.getName(), metadataLabels);
      }
    }
    for (NodeInfo node : outputs.values()) {
      if (node.getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT
          && (t.getShape().length == 1 || (t.getShape().length == 2 && t.getShape()[1] == 1))) {
        return new RegressionReader(node.getName());
      }
    }
    throw Failures.atLoad(d, "no output Gyre can read among " + describe(outputs),
        "Gyre reads class probabilities (a float tensor [batch, classes], or a sequence of"
            + " label-to-probability maps) or a single float per row (regression).");
  }

  private static List<String> labels(ModelDescriptor d, String output, int classes, List<String> metadataLabels) {
    if (metadataLabels.isEmpty()) {
      List<String> numbered = new ArrayList<>(classes);
      for (int i = 0; i < classes; i++) {
        numbered.add(Integer.toString(i));
      }
      return numbered;
    }
    if (metadataLabels.size() != classes) {
      throw Failures.atLoad(d, "metadata gyre.labels names " + metadataLabels.size() + " classes "
          + metadataLabels + " but output '" + output + "' has " + classes + " columns",
          "Re-export the model with one label per output column, in column order.");
    }
    return metadataLabels;
  }

  private static String describe(Map<String, NodeInfo> outputs) {
    return outputs.values().stream()
        .map(n -> n.getName() + ": " + shortInfo(n.getInfo()))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String shortInfo(ValueInfo info) {
    if (info instanceof TensorInfo t) {
      return t.type + " tensor " + java.util.Arrays.toString(t.getShape());
    }
    return info.toString();
  }
}
