package dev.gyre.learn.online;

import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import dev.gyre.learn.internal.Bytes;
import dev.gyre.learn.internal.FeatureHash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of an {@link FtrlLearner}: the non-zero weights by hash slot. Thread-safe.
 *
 * <p>Format {@value #FORMAT}, version 1, big-endian: magic {@code GYFT}, a version short, the name, the
 * model version, the inputs, the two labels (negative, positive), the hash bits, then the count of
 * non-zero weights and each as (slot int, weight double) in slot order.
 */
public final class FtrlModel implements LearnedModel {
  /** The format name. */
  public static final String FORMAT = "gyre-ftrl";
  private static final int MAGIC = 0x47594654;
  private static final short VERSION = 1;

  private final String name;
  private final String version;
  private final List<String> inputs;
  private final List<String> labels;
  private final int hashBits;
  private final int[] slots;
  private final double[] weights;
  private final double bias;
  private final double[] inputWeights;

  FtrlModel(String name, String version, List<String> inputs, List<String> labels, int hashBits, int[] slots,
      double[] weights) {
    this.name = name;
    this.version = version;
    this.inputs = List.copyOf(inputs);
    this.labels = List.copyOf(labels);
    this.hashBits = hashBits;
    this.slots = slots;
    this.weights = weights;
    this.bias = weight(FtrlLearner.BIAS);
    this.inputWeights = this.inputs.stream().mapToDouble(this::weight).toArray();
  }

  @Override
  public Prediction predict(float[] features) {
    Rows.checkPredict(name, features, inputWeights.length);
    double m = bias;
    for (int i = 0; i < features.length; i++) {
      m += inputWeights[i] * features[i];
    }
    return toPrediction(labels, sigmoid(m));
  }

  /** Scores named features (absent names are 0). */
  public Prediction predict(Map<String, Double> features) {
    double m = bias;
    for (Map.Entry<String, Double> f : features.entrySet()) {
      m += weight(f.getKey()) * f.getValue();
    }
    return toPrediction(labels, sigmoid(m));
  }

  /** This model under the name and version a registry or spec serves it as. */
  FtrlModel withIdentity(String name, String version) {
    return new FtrlModel(name, version, inputs, labels, hashBits, slots, weights);
  }

  /** The weight of a named feature (0 if it has none). */
  public double weight(String feature) {
    int k = Arrays.binarySearch(slots, FeatureHash.slot(feature, hashBits));
    return k < 0 ? 0 : weights[k];
  }

  static double sigmoid(double m) {
    return 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, m))));
  }

  static Prediction toPrediction(List<String> labels, double positive) {
    return positive >= 0.5 ? new Prediction(labels.get(1), positive) : new Prediction(labels.get(0), 1 - positive);
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
      out.writeByte(hashBits);
      out.writeInt(slots.length);
      for (int i = 0; i < slots.length; i++) {
        out.writeInt(slots[i]);
        out.writeDouble(weights[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a model written by {@link #toBytes()}.
   *
   * @throws ModelException if the bytes are not a {@value #FORMAT} model of a known version
   */
  public static FtrlModel fromBytes(byte[] data) {
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
      int bits = in.readByte();
      int count = Bytes.length(in, 12);
      int[] slots = new int[count];
      double[] weights = new double[count];
      for (int i = 0; i < count; i++) {
        slots[i] = in.readInt();
        weights[i] = in.readDouble();
      }
      if (labels.size() != 2 || bits < 1 || bits > 26 || in.available() > 0) {
        throw new ModelException(FORMAT + " model '" + name + "' is corrupt: " + labels.size() + " labels, "
            + bits + " hash bits, " + in.available() + " trailing bytes");
      }
      return new FtrlModel(name, version, inputs, labels, bits, slots, weights);
    } catch (IOException e) {
      throw new ModelException("not a " + FORMAT + " model: cut short or corrupt (" + e.getMessage() + ")", e);
    }
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
