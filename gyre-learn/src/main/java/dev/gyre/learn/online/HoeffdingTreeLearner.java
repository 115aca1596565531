package dev.gyre.learn.online;

import dev.gyre.api.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Hoeffding tree (VFDT: P. Domingos and G. Hulten, "Mining High-Speed Data Streams", KDD 2000) over
 * numeric features. Each leaf keeps, per class and feature, a Gaussian estimator (count, mean, M2, min,
 * max), as MOA's Gaussian numeric observer does. Every {@code gracePeriod} examples a leaf scores
 * {@code splitCandidates} thresholds per feature by information gain, estimating each class's share
 * left of a threshold from its Gaussian; it splits on the best when the best beats the runner-up (or
 * not splitting) by more than the Hoeffding bound {@code ε = sqrt(R² ln(1/δ) / (2n))}, R = log2(classes),
 * or when ε fell below {@code tieThreshold}. Leaves predict by majority class, naive Bayes, or
 * whichever of the two has been right more often at that leaf (adaptive, MOA's default).
 *
 * <p>Classes are learned as they come (any label). Depth is capped at {@code maxDepth}, which bounds
 * memory at {@code 2^maxDepth} leaves of {@code classes × inputs × 5} doubles.
 */
public final class HoeffdingTreeLearner implements OnlineLearner {
  /** How a leaf predicts. */
  public enum LeafPrediction { MAJORITY_CLASS, NAIVE_BAYES, ADAPTIVE }

  /**
   * The tree's hyper-parameters.
   *
   * @param gracePeriod     examples a leaf sees between split attempts, such as 200
   * @param splitConfidence δ of the Hoeffding bound, such as 1e-7
   * @param tieThreshold    τ: split anyway once ε is below it, such as 0.05
   * @param splitCandidates thresholds tried per feature, such as 10
   * @param maxDepth        deepest split, 1 to 30
   * @param leafPrediction  how leaves predict
   */
  public record Settings(int gracePeriod, double splitConfidence, double tieThreshold, int splitCandidates,
      int maxDepth, LeafPrediction leafPrediction) {
    public Settings {
      if (gracePeriod < 1 || !(splitConfidence > 0 && splitConfidence < 1) || tieThreshold < 0 || splitCandidates < 1
          || maxDepth < 1 || maxDepth > 30) {
        throw new IllegalArgumentException("Hoeffding tree needs gracePeriod >= 1, 0 < splitConfidence < 1, "
            + "tieThreshold >= 0, splitCandidates >= 1, 1 <= maxDepth <= 30, was " + gracePeriod + ", "
            + splitConfidence + ", " + tieThreshold + ", " + splitCandidates + ", " + maxDepth);
      }
      Objects.requireNonNull(leafPrediction, "leafPrediction");
    }

    /** Grace period 200, δ 1e-7, τ 0.05, 10 candidates, depth 20, adaptive leaves (MOA's defaults). */
    public static Settings defaults() {
      return new Settings(200, 1e-7, 0.05, 10, 20, LeafPrediction.ADAPTIVE);
    }
  }

  private final String name;
  private final List<String> inputs;
  private final Settings settings;
  private final List<String> labels = new ArrayList<>();
  private TreeNode root;
  private long seen;

  /** An empty tree over {@code inputs}. */
  public HoeffdingTreeLearner(String name, List<String> inputs, Settings settings) {
    this.name = Objects.requireNonNull(name, "name");
    this.inputs = List.copyOf(inputs);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.root = new TreeNode(0, new double[0], this.inputs.size());
  }

  @Override
  public void learn(float[] x, String label) {
    Rows.checkLearn(x, inputs.size());
    int cls = labels.indexOf(label);
    if (cls < 0) {
      labels.add(Objects.requireNonNull(label, "label"));
      cls = labels.size() - 1;
    }
    TreeNode leaf = root.leafFor(x);
    if (settings.leafPrediction() == LeafPrediction.ADAPTIVE && leaf.total() > 0) {
      leaf.mcCorrect += LeafStats.argMax(leaf.distribution(false, x, labels.size())) == cls ? 1 : 0;
      leaf.nbCorrect += LeafStats.argMax(leaf.distribution(true, x, labels.size())) == cls ? 1 : 0;
    }
    leaf.add(x, cls);
    seen++;
    double total = leaf.total();
    if (total - leaf.totalAtLastAttempt >= settings.gracePeriod() && leaf.depth < settings.maxDepth()) {
      leaf.totalAtLastAttempt = total;
      new SplitSearch(settings, labels.size()).attempt(leaf);
    }
  }

  @Override
  public Prediction predict(float[] x) {
    Rows.checkLearn(x, inputs.size());
    if (labels.isEmpty()) {
      throw new IllegalStateException("tree '" + name + "' has learned no label yet");
    }
    TreeNode leaf = root.leafFor(x);
    double[] d = leaf.distribution(useNaiveBayes(leaf), x, labels.size());
    int best = LeafStats.argMax(d);
    return new Prediction(labels.get(best), d[best]);
  }

  @Override
  public HoeffdingModel snapshot(String version) {
    return new HoeffdingModel(name, version, inputs, labels, freeze(root));
  }

  private HoeffdingModel.Node freeze(TreeNode node) {
    if (node.isSplit()) {
      return new HoeffdingModel.Split(node.attribute, node.threshold, freeze(node.left), freeze(node.right));
    }
    return new HoeffdingModel.Leaf(useNaiveBayes(node), node.counts.clone(), deepCopy(node.n), deepCopy(node.mean),
        deepCopy(node.m2));
  }

  private boolean useNaiveBayes(TreeNode leaf) {
    return switch (settings.leafPrediction()) {
      case MAJORITY_CLASS -> false;
      case NAIVE_BAYES -> true;
      case ADAPTIVE -> leaf.nbCorrect > leaf.mcCorrect;
    };
  }

  private static double[][] deepCopy(double[][] a) {
    return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
  }

  /** Leaves of the current tree. */
  public int leafCount() {
    return root.leafCount();
  }

  @Override
  public long examplesSeen() {
    return seen;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> inputs() {
    return inputs;
  }
}
