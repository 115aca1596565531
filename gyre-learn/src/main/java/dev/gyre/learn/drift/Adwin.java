package dev.gyre.learn.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * ADWIN2, adaptive windowing (A. Bifet and R. Gavaldà, "Learning from Time-Changing Data with Adaptive
 * Windowing", SIAM SDM 2007). The window W of recent values is kept as an exponential histogram: at most
 * {@code maxBuckets} buckets of each size 1, 2, 4, ..., each holding a count, a sum and a sum of squared
 * deviations, so W of n values takes O(maxBuckets log n) memory. After each value, every split of W at a
 * bucket boundary into an older W0 (n0 values) and a newer W1 (n1) is checked; if
 * <pre>
 *   |μ0 - μ1| > ε_cut = sqrt((2 / m) σ²_W ln(2 / δ')) + (2 / (3 m)) ln(2 / δ'),
 *   m = 1 / (1 / n0 + 1 / n1),  δ' = δ / n
 * </pre>
 * (the paper's variance-based bound, section 3.2, with its δ' = δ / n), the oldest bucket is dropped and
 * the check repeats. Under a constant mean, the probability of any false cut is at most δ (the paper's
 * Theorem 3.1); a change of the mean by more than about ε_cut is detected within O(ε⁻² ln(n / δ)) values.
 */
public final class Adwin implements ConceptDriftDetector {
  private static final int MIN_SUBWINDOW = 5;
  private final double delta;
  private final int maxBuckets;
  private final List<double[]> buckets = new ArrayList<>(); // {count, sum, m2}, oldest first
  private double statistic;
  private double threshold;
  private boolean increased;

  /** ADWIN with confidence {@code delta} (such as 0.002) and 5 buckets per size. */
  public Adwin(double delta) {
    this(delta, 5);
  }

  /**
   * @param delta      the confidence: at most this probability of a false detection, in (0, 1)
   * @param maxBuckets buckets kept per size before two merge, at least 2; more is finer and slower
   */
  public Adwin(double delta, int maxBuckets) {
    if (!(delta > 0 && delta < 1) || maxBuckets < 2) {
      throw new IllegalArgumentException("ADWIN needs 0 < delta < 1 and maxBuckets >= 2, was " + delta + ", "
          + maxBuckets);
    }
    this.delta = delta;
    this.maxBuckets = maxBuckets;
  }

  @Override
  public boolean add(double value) {
    buckets.add(new double[] {1, value, 0});
    compress();
    boolean changed = false;
    while (cutOldest()) {
      buckets.remove(0);
      changed = true;
    }
    return changed;
  }

  /** Whether the newer part of the window had the higher mean at the latest detection. */
  @Override
  public boolean increased() {
    return increased;
  }

  /** Values in the current window. */
  public long width() {
    long n = 0;
    for (double[] b : buckets) {
      n += (long) b[0];
    }
    return n;
  }

  /** The mean of the current window. */
  public double mean() {
    double[] all = total(buckets.size());
    return all[0] == 0 ? 0 : all[1] / all[0];
  }

  private void compress() {
    int i = buckets.size() - 1;
    while (i >= 0) {
      double size = buckets.get(i)[0];
      int j = i;
      while (j > 0 && buckets.get(j - 1)[0] == size) {
        j--;
      }
      if (i - j + 1 > maxBuckets) {
        buckets.set(j, merge(buckets.get(j), buckets.get(j + 1)));
        buckets.remove(j + 1);
        i = j;
      } else {
        i = j - 1;
      }
    }
  }

  private boolean cutOldest() {
    double[] all = total(buckets.size());
    double n = all[0];
    if (n < 2 * MIN_SUBWINDOW) {
      return false;
    }
    double variance = all[2] / n;
    double logTerm = Math.log(2 * n / delta);
    double[] old = {0, 0, 0};
    for (int k = 0; k < buckets.size() - 1; k++) {
      old = merge(old, buckets.get(k));
      double n0 = old[0];
      double n1 = n - n0;
      if (n0 < MIN_SUBWINDOW || n1 < MIN_SUBWINDOW) {
        continue;
      }
      double m = 1 / (1 / n0 + 1 / n1);
      double eps = Math.sqrt(2 / m * variance * logTerm) + 2 / (3 * m) * logTerm;
      double diff = Math.abs(old[1] / n0 - (all[1] - old[1]) / n1);
      if (diff > eps) {
        increased = (all[1] - old[1]) / n1 > old[1] / n0;
        statistic = diff;
        threshold = eps;
        return true;
      }
    }
    return false;
  }

  private double[] total(int upTo) {
    double[] t = {0, 0, 0};
    for (int k = 0; k < upTo; k++) {
      t = merge(t, buckets.get(k));
    }
    return t;
  }

  /** Chan et al.'s pairwise update of count, sum and sum of squared deviations. */
  private static double[] merge(double[] a, double[] b) {
    if (a[0] == 0) {
      return b.clone();
    }
    double n = a[0] + b[0];
    double d = b[1] / b[0] - a[1] / a[0];
    return new double[] {n, a[1] + b[1], a[2] + b[2] + d * d * a[0] * b[0] / n};
  }

  @Override
  public double statistic() {
    return statistic;
  }

  @Override
  public double threshold() {
    return threshold;
  }

  @Override
  public DriftAlert.Kind kind() {
    return DriftAlert.Kind.ADWIN;
  }
}
