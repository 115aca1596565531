package dev.gyre.learn.online;

/**
 * The statistics a Hoeffding tree leaf keeps, and how a leaf predicts from them; shared by the learner
 * and its immutable snapshots so both predict alike. Arrays are indexed [class] and [class][attribute];
 * a class beyond an array's length has not been seen by that leaf.
 */
final class LeafStats {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private LeafStats() {}

  /** The class distribution a leaf predicts for {@code x}, {@code classes} wide, summing to 1. */
  static double[] distribution(double[] counts, double[][] n, double[][] mean, double[][] m2, boolean naiveBayes,
      float[] x, int classes) {
    double[] d = new double[classes];
    double total = 0;
    for (int c = 0; c < counts.length && c < classes; c++) {
      total += counts[c];
    }
    if (total == 0) {
      java.util.Arrays.fill(d, 1.0 / classes);
      return d;
    }
    if (!naiveBayes) {
      for (int c = 0; c < counts.length && c < classes; c++) {
        d[c] = counts[c] / total;
      }
      return d;
    }
    double[] log = new double[classes];
    double best = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      if (c >= counts.length || counts[c] == 0) {
        log[c] = Double.NEGATIVE_INFINITY;
        continue;
      }
      double l = Math.log(counts[c] / total);
      for (int a = 0; a < x.length; a++) {
        if (n[c][a] >= 2) {
          double var = Math.max(m2[c][a] / n[c][a], 1e-9);
          double dev = x[a] - mean[c][a];
          l += -dev * dev / (2 * var) - 0.5 * Math.log(var) - LOG_SQRT_2PI;
        }
      }
      log[c] = l;
      best = Math.max(best, l);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      d[c] = log[c] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(log[c] - best);
      sum += d[c];
    }
    for (int c = 0; c < classes; c++) {
      d[c] /= sum;
    }
    return d;
  }

  /** The index of the largest value (the first on ties). */
  static int argMax(double[] d) {
    int best = 0;
    for (int i = 1; i < d.length; i++) {
      if (d[i] > d[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Shannon entropy in bits of unnormalised counts. */
  static double entropy(double[] counts) {
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double h = 0;
    for (double c : counts) {
      if (c > 0) {
        double p = c / total;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h;
  }

  /** The standard normal CDF (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7). */
  static double normalCdf(double z) {
    double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
    double y = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
        * Math.exp(-z * z / 2);
    return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
  }
}
