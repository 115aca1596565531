package dev.gyre.learn.online;

import dev.gyre.api.Prediction;
import dev.gyre.learn.internal.FeatureHash;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Binary logistic regression learned by FTRL-Proximal (H. B. McMahan et al., "Ad Click Prediction: a View
 * from the Trenches", KDD 2013, Algorithm 1): per-coordinate learning rates, L1 for sparse weights, L2.
 *
 * <p>Features are hashed by name ({@link FeatureHash}) into {@code 2^hashBits} slots, plus a bias slot.
 * A dense row is the named features {@code inputs[i] = x[i]}, so a dense row and the same values given
 * by name learn and score the same. Memory: two doubles per slot (4 MiB at the default 18 bits).
 *
 * <p>Example:
 * <pre>{@code
 * var ftrl = new FtrlLearner("churn", List.of("tenure", "spend"), "no", "yes", FtrlLearner.Settings.defaults());
 * ftrl.learn(new float[] {0.3f, 1.2f}, "yes");
 * LearnedModel v7 = ftrl.snapshot("7");   // immutable; serve it, push v7.toBytes() to the registry
 * }</pre>
 */
public final class FtrlLearner implements OnlineLearner {
  static final String BIAS = "\u0000bias";

  /**
   * FTRL-Proximal's hyper-parameters.
   *
   * @param alpha    learning-rate scale, positive (such as 0.1)
   * @param beta     learning-rate smoothing, non-negative (such as 1)
   * @param l1       L1 strength, non-negative; larger gives more zero weights
   * @param l2       L2 strength, non-negative
   * @param hashBits log2 of the hash table size, 1 to 26
   */
  public record Settings(double alpha, double beta, double l1, double l2, int hashBits) {
    public Settings {
      if (!(alpha > 0) || beta < 0 || l1 < 0 || l2 < 0 || hashBits < 1 || hashBits > 26) {
        throw new IllegalArgumentException("FTRL needs alpha > 0, beta, l1, l2 >= 0 and 1 <= hashBits <= 26, was "
            + alpha + ", " + beta + ", " + l1 + ", " + l2 + ", " + hashBits);
      }
    }

    /** alpha 0.1, beta 1, L1 1, L2 1, 18 bits: the paper's typical ranges. */
    public static Settings defaults() {
      return new Settings(0.1, 1, 1, 1, 18);
    }
  }

  private final String name;
  private final List<String> inputs;
  private final List<String> labels;
  private final Settings settings;
  private final int[] inputSlots;
  private final int biasSlot;
  private final double[] z;
  private final double[] n;
  private long seen;

  /** A learner whose classes are {@code negative} and {@code positive}. */
  public FtrlLearner(String name, List<String> inputs, String negative, String positive, Settings settings) {
    this.name = Objects.requireNonNull(name, "name");
    this.inputs = List.copyOf(inputs);
    if (negative.equals(positive)) {
      throw new IllegalArgumentException("the two labels must differ, both were '" + negative + "'");
    }
    this.labels = List.of(negative, positive);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.inputSlots = this.inputs.stream().mapToInt(i -> FeatureHash.slot(i, settings.hashBits())).toArray();
    this.biasSlot = FeatureHash.slot(BIAS, settings.hashBits());
    this.z = new double[1 << settings.hashBits()];
    this.n = new double[1 << settings.hashBits()];
  }

  @Override
  public void learn(float[] x, String label) {
    Rows.checkLearn(x, inputSlots.length);
    double y = target(label);
    double p = FtrlModel.sigmoid(margin(x));
    double g = p - y;
    update(biasSlot, g);
    for (int i = 0; i < x.length; i++) {
      if (x[i] != 0) {
        update(inputSlots[i], g * x[i]);
      }
    }
    seen++;
  }

  /** Learns one example given as named features (absent names are 0; names need not be in {@link #inputs()}). */
  public void learn(Map<String, Double> features, String label) {
    double y = target(label);
    double margin = weight(biasSlot);
    for (Map.Entry<String, Double> f : features.entrySet()) {
      margin += weight(slot(f.getKey())) * f.getValue();
    }
    double g = FtrlModel.sigmoid(margin) - y;
    update(biasSlot, g);
    features.forEach((k, v) -> update(slot(k), g * v));
    seen++;
  }

  @Override
  public Prediction predict(float[] x) {
    Rows.checkLearn(x, inputSlots.length);
    return FtrlModel.toPrediction(labels, FtrlModel.sigmoid(margin(x)));
  }

  @Override
  public long examplesSeen() {
    return seen;
  }

  @Override
  public FtrlModel snapshot(String version) {
    int nonZero = 0;
    for (int i = 0; i < z.length; i++) {
      nonZero += weight(i) != 0 ? 1 : 0;
    }
    int[] slots = new int[nonZero];
    double[] weights = new double[nonZero];
    for (int i = 0, k = 0; i < z.length; i++) {
      double w = weight(i);
      if (w != 0) {
        slots[k] = i;
        weights[k++] = w;
      }
    }
    return new FtrlModel(name, version, inputs, labels, settings.hashBits(), slots, weights);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> inputs() {
    return inputs;
  }

  private int slot(String feature) {
    return FeatureHash.slot(feature, settings.hashBits());
  }

  private double target(String label) {
    if (label.equals(labels.get(1))) {
      return 1;
    }
    if (label.equals(labels.get(0))) {
      return 0;
    }
    throw new IllegalArgumentException("label was '" + label + "' but this learner knows " + labels + " only");
  }

  private double margin(float[] x) {
    double m = weight(biasSlot);
    for (int i = 0; i < x.length; i++) {
      m += weight(inputSlots[i]) * x[i];
    }
    return m;
  }

  private double weight(int i) {
    double zi = z[i];
    if (Math.abs(zi) <= settings.l1()) {
      return 0;
    }
    return -(zi - Math.signum(zi) * settings.l1()) / ((settings.beta() + Math.sqrt(n[i])) / settings.alpha()
        + settings.l2());
  }

  private void update(int i, double g) {
    double w = weight(i);
    double sigma = (Math.sqrt(n[i] + g * g) - Math.sqrt(n[i])) / settings.alpha();
    z[i] += g - sigma * w;
    n[i] += g * g;
  }
}
