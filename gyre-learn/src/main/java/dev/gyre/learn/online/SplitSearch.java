package dev.gyre.learn.online;

/** One split attempt at a Hoeffding tree leaf: best threshold per feature, then the Hoeffding test. */
final class SplitSearch {
  private final HoeffdingTreeLearner.Settings settings;
  private final int classes;

  SplitSearch(HoeffdingTreeLearner.Settings settings, int classes) {
    this.settings = settings;
    this.classes = classes;
  }

  /** Splits the leaf if the Hoeffding bound says the best split is the best with confidence 1 - δ. */
  void attempt(TreeNode leaf) {
    int k = leaf.n.length;
    double[] seen = new double[k];
    double total = 0;
    int present = 0;
    for (int c = 0; c < k; c++) {
      seen[c] = leaf.n[c][0];
      total += seen[c];
      present += seen[c] > 0 ? 1 : 0;
    }
    if (present < 2) {
      return;
    }
    double before = LeafStats.entropy(seen);
    double bestMerit = Double.NEGATIVE_INFINITY;
    double secondMerit = 0; // not splitting at all has merit 0
    int bestAttribute = -1;
    double bestThreshold = 0;
    double[] bestLeft = null;
    double[] bestRight = null;
    for (int a = 0; a < leaf.width; a++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (seen[c] > 0) {
          lo = Math.min(lo, leaf.min[c][a]);
          hi = Math.max(hi, leaf.max[c][a]);
        }
      }
      if (!(hi > lo)) {
        continue;
      }
      double attributeMerit = Double.NEGATIVE_INFINITY;
      for (int i = 1; i <= settings.splitCandidates(); i++) {
        double t = lo + (hi - lo) * i / (settings.splitCandidates() + 1);
        double[] left = new double[k];
        double[] right = new double[k];
        double wl = 0;
        for (int c = 0; c < k; c++) {
          left[c] = leftWeight(leaf, c, a, t);
          right[c] = seen[c] - left[c];
          wl += left[c];
        }
        double merit = before - (wl / total) * LeafStats.entropy(left) - ((total - wl) / total) * LeafStats.entropy(right);
        if (merit > attributeMerit) {
          attributeMerit = merit;
          if (merit > bestMerit) {
            bestThreshold = t;
            bestLeft = left;
            bestRight = right;
          }
        }
      }
      if (attributeMerit > bestMerit) {
        secondMerit = Math.max(secondMerit, bestMerit);
        bestMerit = attributeMerit;
        bestAttribute = a;
      } else {
        secondMerit = Math.max(secondMerit, attributeMerit);
      }
    }
    double range = Math.log(Math.max(2, classes)) / Math.log(2);
    double epsilon = Math.sqrt(range * range * Math.log(1 / settings.splitConfidence()) / (2 * total));
    if (bestAttribute >= 0 && bestMerit > 0
        && (bestMerit - secondMerit > epsilon || epsilon < settings.tieThreshold())) {
      leaf.split(bestAttribute, bestThreshold, bestLeft, bestRight);
    }
  }

  /** The estimated count of class c with attribute a at most t, from the class's Gaussian. */
  private static double leftWeight(TreeNode leaf, int c, int a, double t) {
    double count = leaf.n[c][a];
    if (count == 0 || t < leaf.min[c][a]) {
      return 0;
    }
    if (t >= leaf.max[c][a]) {
      return count;
    }
    double sd = Math.sqrt(leaf.m2[c][a] / count);
    if (sd == 0) {
      return t >= leaf.mean[c][a] ? count : 0;
    }
    return count * LeafStats.normalCdf((t - leaf.mean[c][a]) / sd);
  }
}
