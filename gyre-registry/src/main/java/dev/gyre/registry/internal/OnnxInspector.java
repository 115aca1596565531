package dev.gyre.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the registry needs from an ONNX file without ONNX Runtime: the metadata
 * ({@code gyre.inputs}, {@code gyre.labels}, {@code gyre.training.report}), the producer, and every
 * tensor that keeps its data outside the file (initializers, sparse initializers, constant
 * attributes, in subgraphs, functions and training graphs alike). Field numbers are those of
 * {@code onnx.proto}.
 */
public final class OnnxInspector {
  /** Deeper nesting than this is refused rather than followed. */
  private static final int MAX_DEPTH = 64;

  /**
   * What an ONNX file holds, as far as the registry cares.
   *
   * @param metadata  the model's {@code metadata_props}, in file order
   * @param producer  {@code producer_name producer_version}, or empty
   * @param hasGraph  whether the file has a main graph
   * @param external  one entry per tensor whose data lives elsewhere: the tensor's name and its
   *                  {@code location} ({@code ""} when the tensor names none)
   */
  public record Facts(Map<String, String> metadata, String producer, boolean hasGraph, List<ExternalData> external) {
    public Facts {
      metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
      external = List.copyOf(external);
    }
  }

  /** A tensor whose data is outside the model file. */
  public record ExternalData(String tensor, String location) {}

  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final List<ExternalData> external = new ArrayList<>();

  private OnnxInspector() {}

  /** @throws IllegalArgumentException when the bytes are not a well-formed protobuf message */
  public static Facts inspect(byte[] onnx) {
    OnnxInspector inspector = new OnnxInspector();
    Protobuf model = new Protobuf(onnx, 0, onnx.length);
    String producerName = "";
    String producerVersion = "";
    boolean hasGraph = false;
    while (model.next()) {
      switch (model.field()) {
        case 2 -> producerName = model.string();
        case 3 -> producerVersion = model.string();
        case 7 -> {
          hasGraph = true;
          inspector.graph(model.message(), 1);
        }
        case 14 -> inspector.entry(model.message(), inspector.metadata);
        case 20 -> inspector.children(model.message(), 1, 1, 2); // TrainingInfoProto: initialization, algorithm
        case 25 -> inspector.function(model.message(), 1);
        default -> { }
      }
    }
    String producer = (producerName + " " + producerVersion).strip();
    return new Facts(inspector.metadata, producer, hasGraph, inspector.external);
  }

  /** Walks the graphs in the given fields of {@code message}. */
  private void children(Protobuf message, int depth, int... graphFields) {
    while (message.next()) {
      for (int f : graphFields) {
        if (message.field() == f) {
          graph(message.message(), depth + 1);
        }
      }
    }
  }

  private void graph(Protobuf graph, int depth) {
    checkDepth(depth);
    while (graph.next()) {
      switch (graph.field()) {
        case 1 -> node(graph.message(), depth);
        case 5 -> tensor(graph.message());
        case 15 -> sparse(graph.message());
        default -> { }
      }
    }
  }

  private void function(Protobuf function, int depth) {
    checkDepth(depth);
    while (function.next()) {
      switch (function.field()) {
        case 7 -> node(function.message(), depth);
        case 11 -> attribute(function.message(), depth);
        default -> { }
      }
    }
  }

  private void node(Protobuf node, int depth) {
    while (node.next()) {
      if (node.field() == 5) {
        attribute(node.message(), depth);
      }
    }
  }

  private void attribute(Protobuf attribute, int depth) {
    while (attribute.next()) {
      switch (attribute.field()) {
        case 5, 10 -> tensor(attribute.message()); // t, tensors
        case 6, 11 -> graph(attribute.message(), depth + 1); // g, graphs
        case 22, 23 -> sparse(attribute.message()); // sparse_tensor, sparse_tensors
        default -> { }
      }
    }
  }

  private void sparse(Protobuf sparse) {
    while (sparse.next()) {
      if (sparse.field() == 1 || sparse.field() == 2) { // values, indices
        tensor(sparse.message());
      }
    }
  }

  private void tensor(Protobuf tensor) {
    String name = "";
    boolean externalLocation = false;
    Map<String, String> entries = new LinkedHashMap<>();
    while (tensor.next()) {
      switch (tensor.field()) {
        case 8 -> name = tensor.string();
        case 13 -> entry(tensor.message(), entries);
        case 14 -> externalLocation = tensor.wireType() == Protobuf.VARINT && tensor.varint() == 1;
        default -> { }
      }
    }
    if (externalLocation || !entries.isEmpty()) {
      external.add(new ExternalData(name, entries.getOrDefault("location", "")));
    }
  }

  private void entry(Protobuf entry, Map<String, String> into) {
    String key = "";
    String value = "";
    while (entry.next()) {
      if (entry.field() == 1) {
        key = entry.string();
      } else if (entry.field() == 2) {
        value = entry.string();
      }
    }
    into.put(key, value);
  }

  private static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("graphs are nested more than " + MAX_DEPTH + " deep");
    }
  }
}
