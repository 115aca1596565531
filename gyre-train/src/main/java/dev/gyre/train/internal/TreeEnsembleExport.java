package dev.gyre.train.internal;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import dev.gyre.api.ModelException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;

/**
 * Writes a Tribuo forest (from {@link TribuoForest}) as one ONNX {@code ai.onnx.ml.TreeEnsembleClassifier}
 * node, which Tribuo 4.3 cannot export itself. Input {@code input}, a float tensor {@code [batch,
 * features]}; outputs {@code label} (string tensor {@code [batch]}) and {@code probabilities} (float
 * tensor {@code [batch, labels]}). Opsets: default 13, {@code ai.onnx.ml} 2.
 *
 * <p>Each tree's nodes are numbered in depth-first order from 0. A Tribuo split sends a value
 * {@code > t} to its greater-than child; the export writes {@code BRANCH_LEQ} with the largest float
 * not above {@code t}, so that every float row takes the same path in both. Each leaf votes its class
 * shares divided by the number of trees and {@code post_transform} is {@code NONE}, so the summed votes
 * are the forest's average, as Tribuo's combiner computes it (in double, where ONNX Runtime sums
 * floats: they differ in the last bits).
 *
 * <p>The {@code label} output is the first most probable label ({@code ArgMax} of the probabilities,
 * then {@code LabelEncoder}), not the classifier's own label: with two labels ONNX Runtime's
 * classifier labels a row by {@code p(second) > 0}. (Voting for the second label only, as skl2onnx
 * does, fixes that label but ONNX Runtime 1.29 then gives the first label probability 0.)
 */
public final class TreeEnsembleExport {
  private TreeEnsembleExport() {}

  /** The forest as an ONNX model, without metadata; {@code featureKeys} are the Tribuo names in column order. */
  public static OnnxMl.ModelProto.Builder toOnnx(Model<Label> forest, List<String> labels, List<String> featureKeys,
      String version) {
    if (!(forest instanceof EnsembleModel<Label> ensemble)) {
      throw new ModelException("expected a Tribuo ensemble but got " + forest.getClass().getName());
    }
    Map<String, AttributeProto.Builder> a = new LinkedHashMap<>();
    List<Model<Label>> trees = ensemble.getModels();
    for (int t = 0; t < trees.size(); t++) {
      if (!(trees.get(t) instanceof TreeModel<Label> tree)) {
        throw new ModelException("expected Tribuo trees but member " + t + " is " + trees.get(t).getClass().getName());
      }
      new TreeWriter(a, t, trees.size(), tree.getFeatureIDMap(), featureKeys, labels).write(tree.getRoot());
    }
    labels.forEach(label -> strings(a, "classlabels_strings", label));
    a.put("post_transform", AttributeProto.newBuilder().setName("post_transform")
        .setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8("NONE")));
    OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder().setOpType("TreeEnsembleClassifier")
        .setDomain("ai.onnx.ml").setName("forest").addInput("input").addOutput("forest_label")
        .addOutput("probabilities");
    a.values().forEach(node::addAttribute);
    OnnxMl.NodeProto.Builder argMax = OnnxMl.NodeProto.newBuilder().setOpType("ArgMax").setName("most_probable")
        .addInput("probabilities").addOutput("label_index")
        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1))
        .addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT).setI(0));
    Map<String, AttributeProto.Builder> encoding = new LinkedHashMap<>();
    for (int c = 0; c < labels.size(); c++) {
      ints(encoding, "keys_int64s", c);
      strings(encoding, "values_strings", labels.get(c));
    }
    OnnxMl.NodeProto.Builder encoder = OnnxMl.NodeProto.newBuilder().setOpType("LabelEncoder").setDomain("ai.onnx.ml")
        .setName("label_of_index").addInput("label_index").addOutput("label");
    encoding.values().forEach(encoder::addAttribute);
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("gyre-forest")
        .addNode(node).addNode(argMax).addNode(encoder)
        .addInput(tensor("input", DataType.FLOAT, featureKeys.size()))
        .addOutput(tensor("label", DataType.STRING))
        .addOutput(tensor("probabilities", DataType.FLOAT, labels.size()));
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setGraph(graph)
        .setProducerName("Gyre with Tribuo").setProducerVersion(org.tribuo.Tribuo.VERSION)
        .setDomain(OnnxExport.DOMAIN).setModelVersion(OnnxExport.onnxVersion(version))
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(2));
  }

  /** The largest float not above {@code t}: for any float x, {@code x <= result} exactly when {@code x <= t}. */
  static float floatAtOrBelow(double t) {
    float f = (float) t;
    return f > t ? Math.nextDown(f) : f;
  }

  /** Writes one tree's nodes and leaf votes into the shared attribute lists. */
  private record TreeWriter(Map<String, AttributeProto.Builder> a, int tree, int trees, ImmutableFeatureMap features,
      List<String> featureKeys, List<String> labels) {

    /** Writes {@code node} and its subtree; returns the next free node id. */
    int write(Node<Label> node) {
      return write(node, 0);
    }

    private int write(Node<Label> node, int id) {
      int index = a.containsKey("nodes_nodeids") ? a.get("nodes_nodeids").getIntsCount() : 0;
      ints(a, "nodes_treeids", tree);
      ints(a, "nodes_nodeids", id);
      if (node instanceof SplitNode<Label> split) {
        int column = featureKeys.indexOf(features.get(split.getFeatureID()).getName());
        if (column < 0) {
          throw new ModelException("tree " + tree + " splits on feature id " + split.getFeatureID()
              + ", which is not one of the training set's features; please report this");
        }
        ints(a, "nodes_featureids", column);
        floats(a, "nodes_values", floatAtOrBelow(split.splitValue()));
        strings(a, "nodes_modes", "BRANCH_LEQ");
        ints(a, "nodes_truenodeids", id + 1);
        ints(a, "nodes_falsenodeids", 0);
        int next = write(split.getLessThanOrEqual(), id + 1);
        a.get("nodes_falsenodeids").setInts(index, next);
        return write(split.getGreaterThan(), next);
      }
      ints(a, "nodes_featureids", 0);
      floats(a, "nodes_values", 0);
      strings(a, "nodes_modes", "LEAF");
      ints(a, "nodes_truenodeids", 0);
      ints(a, "nodes_falsenodeids", 0);
      Map<String, Label> distribution = ((LeafNode<Label>) node).getDistribution();
      double sum = distribution.values().stream().mapToDouble(Label::getScore).sum();
      for (int c = 0; c < labels.size(); c++) {
        Label share = distribution.get(labels.get(c));
        ints(a, "class_treeids", tree);
        ints(a, "class_nodeids", id);
        ints(a, "class_ids", c);
        floats(a, "class_weights", share == null || sum <= 0 ? 0f : (float) (share.getScore() / sum / trees));
      }
      return id + 1;
    }
  }

  private static void ints(Map<String, AttributeProto.Builder> a, String name, long value) {
    a.computeIfAbsent(name, n -> AttributeProto.newBuilder().setName(n).setType(AttributeProto.AttributeType.INTS))
        .addInts(value);
  }

  private static void floats(Map<String, AttributeProto.Builder> a, String name, float value) {
    a.computeIfAbsent(name, n -> AttributeProto.newBuilder().setName(n).setType(AttributeProto.AttributeType.FLOATS))
        .addFloats(value);
  }

  private static void strings(Map<String, AttributeProto.Builder> a, String name, String value) {
    a.computeIfAbsent(name, n -> AttributeProto.newBuilder().setName(n).setType(AttributeProto.AttributeType.STRINGS))
        .addStrings(ByteString.copyFromUtf8(value));
  }

  private static OnnxMl.ValueInfoProto tensor(String name, DataType type, long... columns) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder()
        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
    for (long c : columns) {
      shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(c));
    }
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
  }
}
