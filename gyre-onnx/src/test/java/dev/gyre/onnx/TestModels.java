package dev.gyre.onnx;

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

/** Small ONNX models made at test time: trained with Tribuo, or written node by node. */
final class TestModels {
  static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT.getNumber();
  static final int INT64 = OnnxMl.TensorProto.DataType.INT64.getNumber();
  static final int STRING = OnnxMl.TensorProto.DataType.STRING.getNumber();

  /** Kept so the level holds: Tribuo logs every training run at INFO. */
  private static final java.util.logging.Logger TRIBUO_LOG = quiet();

  private TestModels() {}

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.tribuo");
    log.setLevel(java.util.logging.Level.WARNING);
    return log;
  }

  /**
   * A Tribuo logistic regression on features {@code f0..f<n-1>} (n &le; 10, so Tribuo's sorted
   * feature order is the natural one) with {@code classes} classes, the label being the
   * feature with the largest value among the first {@code classes}.
   */
  static Path tribuo(Path out, int features, int classes, Map<String, String> metadata) throws IOException {
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

  /** Regression y = 1*x0 + 2*x1 + ... as a MatMul, output {@code [batch, 1]}. */
  static Path regression(Path out, int features) throws IOException {
    return regression(out, features, -1);
  }

  /** {@link #regression(Path, int)} with a fixed batch size ({@code -1}: variable). */
  static Path regression(Path out, int features, long batch) throws IOException {
    OnnxMl.TensorProto.Builder weights = OnnxMl.TensorProto.newBuilder()
        .setName("w").setDataType(FLOAT).addDims(features).addDims(1);
    for (int i = 0; i < features; i++) {
      weights.addFloatData(i + 1);
    }
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("regression")
        .addInput(tensor("x", FLOAT, batch, features)).addOutput(tensor("y", FLOAT, batch, 1))
        .addInitializer(weights)
        .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("x").addInput("w").addOutput("y"));
    return write(out, model(graph), Map.of());
  }

  /**
   * scikit-learn's classifier form: the input row is taken as the probabilities themselves, output
   * {@code output_label} (ArgMax) and {@code output_probability} (ZipMap, integer or string keys).
   */
  static Path zipMap(Path out, int classes, boolean stringKeys, Map<String, String> metadata) throws IOException {
    AttributeProto.Builder labels = AttributeProto.newBuilder();
    if (stringKeys) {
      labels.setName("classlabels_strings").setType(AttributeProto.AttributeType.STRINGS);
      for (int i = 0; i < classes; i++) {
        labels.addStrings(com.google.protobuf.ByteString.copyFromUtf8("k" + i));
      }
    } else {
      labels.setName("classlabels_int64s").setType(AttributeProto.AttributeType.INTS);
      for (int i = 0; i < classes; i++) {
        labels.addInts(i);
      }
    }
    TypeProto map = TypeProto.newBuilder().setMapType(TypeProto.Map.newBuilder()
        .setKeyType(stringKeys ? STRING : INT64)
        .setValueType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(FLOAT)))).build();
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("zipmap")
        .addInput(tensor("x", FLOAT, -1, classes))
        .addOutput(tensor("output_label", INT64, -1))
        .addOutput(ValueInfoProto.newBuilder().setName("output_probability")
            .setType(TypeProto.newBuilder().setSequenceType(TypeProto.Sequence.newBuilder().setElemType(map))))
        .addNode(NodeProto.newBuilder().setOpType("ArgMax").addInput("x").addOutput("output_label")
            .addAttribute(ints("axis", 1)).addAttribute(ints("keepdims", 0)))
        .addNode(NodeProto.newBuilder().setOpType("ZipMap").setDomain("ai.onnx.ml")
            .addInput("x").addOutput("output_probability").addAttribute(labels));
    return write(out, model(graph), metadata);
  }

  /** Only a label output (ArgMax, int64): nothing Gyre can read a probability or value from. */
  static Path labelOnly(Path out, int classes) throws IOException {
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("label")
        .addInput(tensor("x", FLOAT, -1, classes)).addOutput(tensor("output_label", INT64, -1))
        .addNode(NodeProto.newBuilder().setOpType("ArgMax").addInput("x").addOutput("output_label")
            .addAttribute(ints("axis", 1)).addAttribute(ints("keepdims", 0)));
    return write(out, model(graph), Map.of());
  }

  /** Two float inputs added together: not a single-input model. */
  static Path twoInputs(Path out) throws IOException {
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("two")
        .addInput(tensor("a", FLOAT, -1, 2)).addInput(tensor("b", FLOAT, -1, 2))
        .addOutput(tensor("y", FLOAT, -1, 2))
        .addNode(NodeProto.newBuilder().setOpType("Add").addInput("a").addInput("b").addOutput("y"));
    return write(out, model(graph), Map.of());
  }

  /** One int64 input [batch, 2] cast to float: the row itself as two "probabilities". */
  static Path int64Input(Path out) throws IOException {
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("int64")
        .addInput(tensor("x", INT64, -1, 2)).addOutput(tensor("y", FLOAT, -1, 2))
        .addNode(NodeProto.newBuilder().setOpType("Cast").addInput("x").addOutput("y")
            .addAttribute(ints("to", FLOAT)));
    return write(out, model(graph), Map.of());
  }

  static AttributeProto ints(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  static ValueInfoProto tensor(String name, int type, long... dims) {
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

  static OnnxMl.ModelProto.Builder model(OnnxMl.GraphProto.Builder graph) {
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("gyre-test").setGraph(graph)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1));
  }

  static Path write(Path out, OnnxMl.ModelProto.Builder model, Map<String, String> metadata)
      throws IOException {
    metadata.forEach((k, v) -> model.addMetadataProps(
        OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    Files.write(out, model.build().toByteArray());
    return out;
  }
}
