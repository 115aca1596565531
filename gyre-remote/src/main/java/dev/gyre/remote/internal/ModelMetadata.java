package dev.gyre.remote.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A model's metadata as a v2 server describes it ({@code GET /v2/models/<name>}): its versions,
 * input and output tensors, and the optional extension {@code parameters.labels} (a comma-separated
 * string or an array) naming the classes of a probability output.
 */
public record ModelMetadata(List<String> versions, List<Tensor> inputs, List<Tensor> outputs, List<String> labels) {

  /** A tensor's name, datatype ({@code FP32}, {@code INT64}, {@code BYTES}, ...) and shape, -1 for any size. */
  public record Tensor(String name, String datatype, List<Long> shape) {
    public Tensor {
      shape = List.copyOf(shape);
    }

    /** Whether the tensor has one value per row: shape {@code [-1]} or {@code [-1, 1]}. */
    boolean onePerRow() {
      return shape.size() == 1 || (shape.size() == 2 && shape.get(1) == 1);
    }

    /** Whether the tensor has several values per row: shape {@code [-1, k]}, k not 1. */
    boolean severalPerRow() {
      return shape.size() == 2 && shape.get(1) != 1;
    }

    boolean isFloat() {
      return datatype.equals("FP32") || datatype.equals("FP64") || datatype.equals("FP16");
    }

    @Override
    public String toString() {
      return name + " " + datatype + " " + shape;
    }
  }

  public ModelMetadata {
    versions = List.copyOf(versions);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    labels = List.copyOf(labels);
  }

  /** Reads the metadata JSON; missing parts are empty, so the checks that follow name what is missing. */
  public static ModelMetadata of(JsonNode json) {
    List<String> versions = new ArrayList<>();
    json.path("versions").forEach(v -> versions.add(v.asText()));
    JsonNode labelsNode = json.path("parameters").path("labels");
    List<String> labels = new ArrayList<>();
    if (labelsNode.isArray()) {
      labelsNode.forEach(l -> labels.add(l.asText()));
    } else if (labelsNode.isTextual() && !labelsNode.asText().isBlank()) {
      labels.addAll(Arrays.stream(labelsNode.asText().split(",", -1)).map(String::trim).toList());
    }
    return new ModelMetadata(versions, tensors(json.path("inputs")), tensors(json.path("outputs")), labels);
  }

  private static List<Tensor> tensors(JsonNode array) {
    List<Tensor> tensors = new ArrayList<>();
    for (JsonNode t : array) {
      List<Long> shape = new ArrayList<>();
      t.path("shape").forEach(d -> shape.add(d.asLong()));
      tensors.add(new Tensor(t.path("name").asText(), t.path("datatype").asText(), shape));
    }
    return tensors;
  }
}
