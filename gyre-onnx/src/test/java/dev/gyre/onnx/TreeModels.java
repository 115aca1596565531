package dev.gyre.onnx;

import static dev.gyre.onnx.TestModels.FLOAT;
import static dev.gyre.onnx.TestModels.INT64;
import static dev.gyre.onnx.TestModels.tensor;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Tree-ensemble ONNX files in the forms other tools write, built node by node (no Python here).
 * Trees are complete binary trees of random splits: node {@code i} has children {@code 2i+1} (true
 * branch) and {@code 2i+2}, numbered breadth first as the converters number them.
 */
final class TreeModels {
  private TreeModels() {}

  /**
   * What skl2onnx writes for a {@code RandomForestClassifier} with integer classes {@code 0..classes-1}:
   * input {@code float_input [None, features]}; {@code TreeEnsembleClassifier} (post_transform NONE,
   * each leaf's class shares divided by the number of trees, so the sum is the forest's average) gives
   * {@code label} and {@code probabilities}; {@code Cast} makes {@code output_label} and {@code ZipMap}
   * makes {@code output_probability}, a sequence of maps from class to probability.
   */
  static Path sklearnForest(Path out, int features, int classes, int trees, int depth, long seed) throws IOException {
    Random random = new Random(seed);
    NodeProto.Builder forest = NodeProto.newBuilder().setOpType("TreeEnsembleClassifier").setDomain("ai.onnx.ml")
        .setName("TreeEnsembleClassifier").addInput("float_input").addOutput("label").addOutput("probabilities");
    Attributes a = new Attributes();
    for (int t = 0; t < trees; t++) {
      int internal = (1 << depth) - 1;
      for (int i = 0; i < 2 * internal + 1; i++) {
        boolean leaf = i >= internal;
        a.node(t, i, leaf ? 0 : random.nextInt(features), leaf ? 0 : (float) random.nextGaussian(),
            leaf ? "LEAF" : "BRANCH_LEQ", leaf ? 0 : 2 * i + 1, leaf ? 0 : 2 * i + 2, 0);
        if (leaf) {
          float[] shares = new float[classes];
          float sum = 0;
          for (int c = 0; c < classes; c++) {
            shares[c] = random.nextFloat() < 0.3f ? 0 : random.nextFloat();
            sum += shares[c];
          }
          for (int c = 0; c < classes; c++) {
            a.add("class_treeids", t).add("class_nodeids", i).add("class_ids", c)
                .add("class_weights", sum == 0 ? 1f / classes / trees : shares[c] / sum / trees);
          }
        }
      }
    }
    for (int c = 0; c < classes; c++) {
      a.add("classlabels_int64s", c);
    }
    a.text("post_transform", "NONE").into(forest);
    TypeProto map = TypeProto.newBuilder().setMapType(TypeProto.Map.newBuilder().setKeyType(INT64)
        .setValueType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(FLOAT)))).build();
    AttributeProto.Builder zipLabels = AttributeProto.newBuilder().setName("classlabels_int64s")
        .setType(AttributeProto.AttributeType.INTS);
    for (int c = 0; c < classes; c++) {
      zipLabels.addInts(c);
    }
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("ONNX(RandomForestClassifier)")
        .addInput(tensor("float_input", FLOAT, -1, features))
        .addOutput(tensor("output_label", INT64, -1))
        .addOutput(ValueInfoProto.newBuilder().setName("output_probability")
            .setType(TypeProto.newBuilder().setSequenceType(TypeProto.Sequence.newBuilder().setElemType(map))))
        .addNode(forest)
        .addNode(NodeProto.newBuilder().setOpType("Cast").setName("Cast").addInput("label").addOutput("output_label")
            .addAttribute(TestModels.ints("to", INT64)))
        .addNode(NodeProto.newBuilder().setOpType("ZipMap").setDomain("ai.onnx.ml").setName("ZipMap")
            .addInput("probabilities").addOutput("output_probability").addAttribute(zipLabels));
    return TestModels.write(out, model(graph, "skl2onnx-style"), Map.of());
  }

  /**
   * What onnxmltools writes for an XGBoost regressor: input {@code input [None, features]}, one
   * {@code TreeEnsembleRegressor} with {@code BRANCH_LT} splits whose missing values follow the true
   * branch, leaf values summed ({@code aggregate_function SUM}) onto {@code base_values [0.5]}, output
   * {@code variable [None, 1]}.
   */
  static Path xgboostRegressor(Path out, int features, int trees, int depth, long seed) throws IOException {
    Random random = new Random(seed);
    NodeProto.Builder ensemble = NodeProto.newBuilder().setOpType("TreeEnsembleRegressor").setDomain("ai.onnx.ml")
        .setName("TreeEnsembleRegressor").addInput("input").addOutput("variable");
    Attributes a = new Attributes();
    for (int t = 0; t < trees; t++) {
      int internal = (1 << depth) - 1;
      for (int i = 0; i < 2 * internal + 1; i++) {
        boolean leaf = i >= internal;
        a.node(t, i, leaf ? 0 : random.nextInt(features), leaf ? 0 : (float) random.nextGaussian(),
            leaf ? "LEAF" : "BRANCH_LT", leaf ? 0 : 2 * i + 1, leaf ? 0 : 2 * i + 2, leaf ? 0 : 1);
        if (leaf) {
          a.add("target_treeids", t).add("target_nodeids", i).add("target_ids", 0)
              .add("target_weights", (float) (random.nextGaussian() * 0.3));
        }
      }
    }
    a.scalar("n_targets", 1).add("base_values", 0.5f).text("aggregate_function", "SUM")
        .text("post_transform", "NONE").into(ensemble);
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("xgboost-style")
        .addInput(tensor("input", FLOAT, -1, features)).addOutput(tensor("variable", FLOAT, -1, 1))
        .addNode(ensemble);
    return TestModels.write(out, model(graph, "onnxmltools-style"), Map.of());
  }

  private static OnnxMl.ModelProto.Builder model(OnnxMl.GraphProto.Builder graph, String producer) {
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("gyre-test " + producer).setGraph(graph)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(15))
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1));
  }

  /** Collects attributes by name, in first-use order. */
  private static final class Attributes {
    private final Map<String, AttributeProto.Builder> byName = new java.util.LinkedHashMap<>();

    void node(int tree, int id, int feature, float value, String mode, int trueId, int falseId, int missingTrue) {
      add("nodes_treeids", tree).add("nodes_nodeids", id).add("nodes_featureids", feature)
          .add("nodes_values", value).add("nodes_hitrates", 1f).text("nodes_modes", mode)
          .add("nodes_truenodeids", trueId).add("nodes_falsenodeids", falseId)
          .add("nodes_missing_value_tracks_true", missingTrue);
    }

    Attributes scalar(String name, long value) {
      byName.put(name, AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value));
      return this;
    }

    Attributes add(String name, long value) {
      byName.computeIfAbsent(name, n -> AttributeProto.newBuilder().setName(n).setType(AttributeProto.AttributeType.INTS))
          .addInts(value);
      return this;
    }

    Attributes add(String name, float value) {
      byName.computeIfAbsent(name, n -> AttributeProto.newBuilder().setName(n).setType(AttributeProto.AttributeType.FLOATS))
          .addFloats(value);
      return this;
    }

    Attributes text(String name, String value) {
      if (name.equals("nodes_modes")) {
        byName.computeIfAbsent(name, n -> AttributeProto.newBuilder().setName(n).setType(AttributeProto.AttributeType.STRINGS))
            .addStrings(ByteString.copyFromUtf8(value));
      } else {
        byName.put(name, AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
            .setS(ByteString.copyFromUtf8(value)));
      }
      return this;
    }

    void into(NodeProto.Builder node) {
      byName.values().forEach(node::addAttribute);
    }
  }
}
