package dev.gyre.onnx;

import static dev.gyre.onnx.TestModels.FLOAT;
import static dev.gyre.onnx.TestModels.tensor;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Models with several inputs, or inputs that are not float, made node by node. */
final class InputModels {
  static final int DOUBLE = OnnxMl.TensorProto.DataType.DOUBLE.getNumber();
  static final int INT64 = OnnxMl.TensorProto.DataType.INT64.getNumber();
  static final int STRING = OnnxMl.TensorProto.DataType.STRING.getNumber();

  private InputModels() {}

  /** A model input: its name, element type and number of columns. */
  record Input(String name, int type, int width) {}

  /**
   * {@code y = sum_j 10^j * x_j} over the columns {@code x} of the inputs concatenated in
   * {@code concatOrder} (each cast to float first), output {@code y [batch, 1]}. The graph declares its
   * inputs in the order of {@code inputs}, which may differ from {@code concatOrder}; so a row
   * {@code 1, 2, 3} fed to the right inputs gives {@code 321}.
   */
  static Path decimal(Path out, List<Input> inputs, List<String> concatOrder, Map<String, String> metadata)
      throws IOException {
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("decimal");
    NodeProto.Builder concat = NodeProto.newBuilder().setOpType("Concat").addOutput("x")
        .addAttribute(TestModels.ints("axis", 1));
    int total = 0;
    for (Input input : inputs) {
      graph.addInput(tensor(input.name(), input.type(), -1, input.width()));
      if (input.type() != FLOAT) {
        graph.addNode(NodeProto.newBuilder().setOpType("Cast").addInput(input.name()).addOutput(input.name() + "_f")
            .addAttribute(TestModels.ints("to", FLOAT)));
      }
      total += input.width();
    }
    for (String name : concatOrder) {
      Input input = inputs.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
      concat.addInput(input.type() == FLOAT ? name : name + "_f");
    }
    OnnxMl.TensorProto.Builder weights = OnnxMl.TensorProto.newBuilder()
        .setName("w").setDataType(FLOAT).addDims(total).addDims(1);
    for (int j = 0; j < total; j++) {
      weights.addFloatData((float) Math.pow(10, j));
    }
    graph.addNode(concat).addInitializer(weights)
        .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("x").addInput("w").addOutput("y"))
        .addOutput(tensor("y", FLOAT, -1, 1));
    return TestModels.write(out, TestModels.model(graph), metadata);
  }
}
