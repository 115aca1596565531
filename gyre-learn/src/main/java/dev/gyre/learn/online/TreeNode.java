package dev.gyre.learn.online;

import java.util.Arrays;

/**
 * A node of a growing Hoeffding tree: a split (attribute, threshold, two children) or a leaf with its
 * statistics. Owned by one {@link HoeffdingTreeLearner}; never shared with snapshots.
 */
final class TreeNode {
  final int depth;
  final int width;
  int attribute = -1;
  double threshold;
  TreeNode left;
  TreeNode right;
  double[] counts;
  double[][] n = new double[0][];
  double[][] mean = new double[0][];
  double[][] m2 = new double[0][];
  double[][] min = new double[0][];
  double[][] max = new double[0][];
  double totalAtLastAttempt;
  double mcCorrect;
  double nbCorrect;

  /** A leaf at {@code depth} starting from (estimated) class counts. */
  TreeNode(int depth, double[] counts, int width) {
    this.depth = depth;
    this.width = width;
    this.counts = counts.clone();
    this.totalAtLastAttempt = total();
    grow(counts.length);
  }

  boolean isSplit() {
    return attribute >= 0;
  }

  TreeNode leafFor(float[] x) {
    TreeNode node = this;
    while (node.isSplit()) {
      node = x[node.attribute] <= node.threshold ? node.left : node.right;
    }
    return node;
  }

  double total() {
    double t = 0;
    for (double c : counts) {
      t += c;
    }
    return t;
  }

  void add(float[] x, int cls) {
    grow(cls + 1);
    counts[cls]++;
    for (int a = 0; a < width; a++) {
      double v = x[a];
      double count = ++n[cls][a];
      double d = v - mean[cls][a];
      mean[cls][a] += d / count;
      m2[cls][a] += d * (v - mean[cls][a]);
      min[cls][a] = Math.min(min[cls][a], v);
      max[cls][a] = Math.max(max[cls][a], v);
    }
  }

  double[] distribution(boolean naiveBayes, float[] x, int classes) {
    return LeafStats.distribution(counts, n, mean, m2, naiveBayes, x, classes);
  }

  /** Turns this leaf into a split whose children start from the estimated class counts. */
  void split(int attribute, double threshold, double[] leftCounts, double[] rightCounts) {
    this.left = new TreeNode(depth + 1, leftCounts, width);
    this.right = new TreeNode(depth + 1, rightCounts, width);
    this.threshold = threshold;
    this.attribute = attribute;
    counts = new double[0];
    n = mean = m2 = min = max = new double[0][];
  }

  int leafCount() {
    return isSplit() ? left.leafCount() + right.leafCount() : 1;
  }

  private void grow(int classes) {
    if (classes <= n.length) {
      if (counts.length < classes) {
        counts = Arrays.copyOf(counts, classes);
      }
      return;
    }
    int old = n.length;
    counts = Arrays.copyOf(counts, Math.max(classes, counts.length));
    n = Arrays.copyOf(n, classes);
    mean = Arrays.copyOf(mean, classes);
    m2 = Arrays.copyOf(m2, classes);
    min = Arrays.copyOf(min, classes);
    max = Arrays.copyOf(max, classes);
    for (int c = old; c < classes; c++) {
      n[c] = new double[width];
      mean[c] = new double[width];
      m2[c] = new double[width];
      min[c] = new double[width];
      max[c] = new double[width];
      Arrays.fill(min[c], Double.POSITIVE_INFINITY);
      Arrays.fill(max[c], Double.NEGATIVE_INFINITY);
    }
  }
}
