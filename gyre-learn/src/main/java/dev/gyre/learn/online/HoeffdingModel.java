package dev.gyre.learn.online;

import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import dev.gyre.learn.internal.Bytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An immutable snapshot of a {@link HoeffdingTreeLearner}: split nodes and leaves, each leaf predicting
 * by its class counts (majority class) or by naive Bayes over per-class Gaussians. Thread-safe.
 *
 * <p>Format {@value #FORMAT}, version 1, big-endian: magic {@code GYHT}, a version short, the name, the
 * model version, the inputs, the labels, then the tree in pre-order: a split is tag 0, the attribute
 * (int), the threshold (double; left is {@code x <= threshold}), left, right; a leaf is tag 1, naive
 * Bayes (boolean), its class count k, k counts, then for each class and input: n, mean, M2.
 */
public final class HoeffdingModel implements LearnedModel {
  /** The format name. */
  public static final String FORMAT = "gyre-hoeffding";
  private static final int MAGIC = 0x47594854;
  private static final short VERSION = 1;

  sealed interface Node permits Split, Leaf {}

  record Split(int attribute, double threshold, Node left, Node right) implements Node {}

  /** Arrays are never modified after construction. */
  record Leaf(boolean naiveBayes, double[] counts, double[][] n, double[][] mean, double[][] m2) implements Node {}

  private final String name;
  private final String version;
  private final List<String> inputs;
  private final List<String> labels;
  private final Node root;

  HoeffdingModel(String name, String version, List<String> inputs, List<String> labels, Node root) {
    this.name = name;
    this.version = version;
    this.inputs = List.copyOf(inputs);
    this.labels = List.copyOf(labels);
    this.root = root;
  }

  @Override
  public Prediction predict(float[] features) {
    Rows.checkPredict(name, features, inputs.size());
    if (labels.isEmpty()) {
      throw new ModelException("model '" + name + "' version " + version + " has learned no label yet");
    }
    Node node = root;
    while (node instanceof Split s) {
      node = features[s.attribute()] <= s.threshold() ? s.left() : s.right();
    }
    Leaf leaf = (Leaf) node;
    double[] d = LeafStats.distribution(leaf.counts(), leaf.n(), leaf.mean(), leaf.m2(), leaf.naiveBayes(), features,
        labels.size());
    int best = LeafStats.argMax(d);
    return new Prediction(labels.get(best), d[best]);
  }

  @Override
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeShort(VERSION);
      out.writeUTF(name);
      out.writeUTF(version);
      Bytes.writeStrings(out, inputs);
      Bytes.writeStrings(out, labels);
      write(out, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void write(DataOutputStream out, Node node) throws IOException {
    if (node instanceof Split s) {
      out.writeByte(0);
      out.writeInt(s.attribute());
      out.writeDouble(s.threshold());
      write(out, s.left());
      write(out, s.right());
      return;
    }
    Leaf leaf = (Leaf) node;
    out.writeByte(1);
    out.writeBoolean(leaf.naiveBayes());
    out.writeInt(leaf.counts().length);
    for (double c : leaf.counts()) {
      out.writeDouble(c);
    }
    for (int c = 0; c < leaf.counts().length; c++) {
      for (int a = 0; a < inputs.size(); a++) {
        out.writeDouble(leaf.n()[c][a]);
        out.writeDouble(leaf.mean()[c][a]);
        out.writeDouble(leaf.m2()[c][a]);
      }
    }
  }

  /**
   * Reads a model written by {@link #toBytes()}.
   *
   * @throws ModelException if the bytes are not a {@value #FORMAT} model of a known version
   */
  public static HoeffdingModel fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC) {
        throw new ModelException("not a " + FORMAT + " model: the magic bytes are wrong");
      }
      short v = in.readShort();
      if (v != VERSION) {
        throw new ModelException(FORMAT + " version was " + v + " but this Gyre reads " + VERSION + " only");
      }
      String name = in.readUTF();
      String version = in.readUTF();
      List<String> inputs = Bytes.readStrings(in);
      List<String> labels = Bytes.readStrings(in);
      Node root = read(in, inputs.size(), labels.size(), 0);
      if (in.available() > 0) {
        throw new ModelException(FORMAT + " model '" + name + "' has " + in.available() + " trailing bytes");
      }
      return new HoeffdingModel(name, version, inputs, labels, root);
    } catch (IOException e) {
      throw new ModelException("not a " + FORMAT + " model: cut short or corrupt (" + e.getMessage() + ")", e);
    }
  }

  private static Node read(DataInputStream in, int inputs, int labels, int depth) throws IOException {
    byte tag = in.readByte();
    if (depth > 1000 || tag > 1 || tag < 0) {
      throw new IOException("tag " + tag + " at depth " + depth);
    }
    if (tag == 0) {
      int attribute = in.readInt();
      if (attribute < 0 || attribute >= inputs) {
        throw new IOException("split on attribute " + attribute + " of " + inputs);
      }
      return new Split(attribute, in.readDouble(), read(in, inputs, labels, depth + 1),
          read(in, inputs, labels, depth + 1));
    }
    boolean nb = in.readBoolean();
    int k = Bytes.length(in, 8);
    if (k > labels) {
      throw new IOException("a leaf of " + k + " classes in a model of " + labels);
    }
    double[] counts = new double[k];
    for (int c = 0; c < k; c++) {
      counts[c] = in.readDouble();
    }
    double[][] n = new double[k][inputs];
    double[][] mean = new double[k][inputs];
    double[][] m2 = new double[k][inputs];
    for (int c = 0; c < k; c++) {
      for (int a = 0; a < inputs; a++) {
        n[c][a] = in.readDouble();
        mean[c][a] = in.readDouble();
        m2[c][a] = in.readDouble();
      }
    }
    return new Leaf(nb, counts, n, mean, m2);
  }

  /** This model under the name and version a registry or spec serves it as. */
  HoeffdingModel withIdentity(String name, String version) {
    return new HoeffdingModel(name, version, inputs, labels, root);
  }

  /** Split nodes plus leaves. */
  public int nodeCount() {
    return count(root);
  }

  private static int count(Node node) {
    return node instanceof Split s ? 1 + count(s.left()) + count(s.right()) : 1;
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public List<String> labels() {
    return labels;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<String> inputs() {
    return inputs;
  }
}
