package dev.gyre.learn.drift;

import java.util.List;

/**
 * The two feature-drift statistics as plain functions. Stateless and thread-safe.
 */
public final class DriftStatistics {
  /** Proportions are floored at this before PSI's logarithm, so an empty bin does not make PSI infinite. */
  public static final double PSI_FLOOR = 1e-4;

  private DriftStatistics() {}

  /**
   * Population stability index: {@code Σ (a_i - e_i) ln(a_i / e_i)} over bins, with {@code e} the
   * reference proportions and {@code a} the observed ones, both floored at {@value #PSI_FLOOR}. Common
   * reading: below 0.1 stable, 0.1 to 0.25 a moderate shift, above 0.25 a major one.
   *
   * @param expected the reference proportions
   * @param observed counts per bin of the observed values
   */
  public static double psi(List<Double> expected, long[] observed) {
    long total = 0;
    for (long c : observed) {
      total += c;
    }
    double psi = 0;
    for (int i = 0; i < observed.length; i++) {
      double e = Math.max(PSI_FLOOR, expected.get(i));
      double a = Math.max(PSI_FLOOR, total == 0 ? 0 : (double) observed[i] / total);
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  /** The two-sample Kolmogorov-Smirnov distance {@code sup |F_a(x) - F_b(x)|} of two sorted samples. */
  public static double ks(double[] sortedA, double[] sortedB) {
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < sortedA.length && j < sortedB.length) {
      double x = Math.min(sortedA[i], sortedB[j]);
      while (i < sortedA.length && sortedA[i] <= x) {
        i++;
      }
      while (j < sortedB.length && sortedB[j] <= x) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / sortedA.length - (double) j / sortedB.length));
    }
    return d;
  }

  /**
   * The KS distance above which two samples of sizes n and m differ at significance {@code alpha}
   * (asymptotic): {@code c(α) sqrt((n + m) / (n m))}, {@code c(α) = sqrt(-ln(α / 2) / 2)}; 1.358 for α = 0.05.
   */
  public static double ksCritical(int n, int m, double alpha) {
    return Math.sqrt(-Math.log(alpha / 2) / 2) * Math.sqrt((double) (n + m) / ((double) n * m));
  }
}
