package dev.gyre.remote;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Small ONNX models made at test time, as gyre-onnx's tests make them. */
final class TestModels {
  private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT.getNumber();
  private static final int INT64 = OnnxMl.TensorProto.DataType.INT64.getNumber();
  private static final java.util.logging.Logger TRIBUO_LOG = quiet();

  private TestModels() {}

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.tribuo");
    log.setLevel(java.util.logging.Level.WARNING);
    return log;
  }

  /** A Tribuo logistic regression on {@code f0..f<n-1>}, output {@code output} [batch, classes]. */
  static Path classifier(Path out, int features, int classes, Map<String, String> metadata) throws IOException {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
    String[] names = new String[features];
    for (int i = 0; i < features; i++) {
      names[i] = "f" + i;
    }
    Random random = new Random(7);
    for (int r = 0; r < 400; r++) {
      double[] values = new double[features];
      int best = 0;
      for (int i = 0; i < features; i++) {
        values[i] = random.nextGaussian();
        if (i < classes && values[i] > values[best]) {
          best = i;
        }
      }
      data.add(new ArrayExample<>(new Label("c" + best), names, values));
    }
    LinearSGDModel model =
        new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 5, -1, 1, 1L).train(data);
    return write(out, model.exportONNXModel("dev.gyre.test", 1).toBuilder(), metadata);
  }

  /** Regression y = 1*x0 + 2*x1 + ..., output {@code y} [batch, 1]. */
  static Path regression(Path out, int features) throws IOException {
    OnnxMl.TensorProto.Builder weights = OnnxMl.TensorProto.newBuilder()
        .setName("w").setDataType(FLOAT).addDims(features).addDims(1);
    for (int i = 0; i < features; i++) {
      weights.addFloatData(i + 1.5f);
    }
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("regression")
        .addInput(tensor("x", FLOAT, -1, features)).addOutput(tensor("y", FLOAT, -1, 1))
        .addInitializer(weights)
        .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("x").addInput("w").addOutput("y"));
    return write(out, model(graph), Map.of());
  }

  /**
   * A classifier in scikit-learn's tensor form: {@code label} (ArgMax, int64 [batch]) and
   * {@code probabilities} (Softmax of the input, float [batch, classes]).
   */
  static Path labelAndProbabilities(Path out, int classes) throws IOException {
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("label-probs")
        .addInput(tensor("x", FLOAT, -1, classes))
        .addOutput(tensor("label", INT64, -1))
        .addOutput(tensor("probabilities", FLOAT, -1, classes))
        .addNode(NodeProto.newBuilder().setOpType("Softmax").addInput("x").addOutput("probabilities")
            .addAttribute(ints("axis", 1)))
        .addNode(NodeProto.newBuilder().setOpType("ArgMax").addInput("probabilities").addOutput("label")
            .addAttribute(ints("axis", 1)).addAttribute(ints("keepdims", 0)));
    return write(out, model(graph), Map.of());
  }

  /** Two float inputs: not a model Gyre can send one tensor to. */
  static Path twoInputs(Path out) throws IOException {
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("two")
        .addInput(tensor("a", FLOAT, -1, 2)).addInput(tensor("b", FLOAT, -1, 2))
        .addOutput(tensor("y", FLOAT, -1, 2))
        .addNode(NodeProto.newBuilder().setOpType("Add").addInput("a").addInput("b").addOutput("y"));
    return write(out, model(graph), Map.of());
  }

  private static AttributeProto ints(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  private static ValueInfoProto tensor(String name, int type, long... dims) {
    TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(type);
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    for (long dim : dims) {
      shape.addDim(dim < 0
          ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
          : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
    }
    return ValueInfoProto.newBuilder().setName(name)
        .setType(TypeProto.newBuilder().setTensorType(tensor.setShape(shape))).build();
  }

  private static OnnxMl.ModelProto.Builder model(OnnxMl.GraphProto.Builder graph) {
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("gyre-test").setGraph(graph)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13));
  }

  private static Path write(Path out, OnnxMl.ModelProto.Builder model, Map<String, String> metadata)
      throws IOException {
    metadata.forEach((k, v) -> model.addMetadataProps(
        OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    Files.write(out, model.build().toByteArray());
    return out;
  }
}
