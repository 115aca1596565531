package dev.gyre.learn.drift;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Compares served feature rows with the training data's {@link ReferenceProfile}, one tumbling window of
 * {@code windowSize} rows at a time: when a window is full, each feature's PSI and KS distance against
 * the reference are computed and the window starts afresh. A feature alerts by PSI above
 * {@code psiThreshold}, and by KS distance above the critical value at significance {@code ksAlpha}
 * (for the window and reference sample sizes). Not thread-safe.
 *
 * <p>Example: {@code new FeatureDriftMonitor(profile, 1000, 0.25, 0.001, clock).add(row)} returns the
 * alerts of the window the row completed, usually none.
 */
public final class FeatureDriftMonitor {
  private final ReferenceProfile reference;
  private final int windowSize;
  private final double psiThreshold;
  private final double ksAlpha;
  private final Clock clock;
  private final double[][] referenceSamples;
  private final double[][] window;
  private int filled;
  private long rows;

  /**
   * @param reference    the training profile; rows must have its features, in its order
   * @param windowSize   rows per comparison, at least 10
   * @param psiThreshold PSI above which a feature alerts, such as 0.25
   * @param ksAlpha      KS significance, such as 0.001 (checked every window, so keep it small)
   */
  public FeatureDriftMonitor(ReferenceProfile reference, int windowSize, double psiThreshold, double ksAlpha,
      Clock clock) {
    if (windowSize < 10 || psiThreshold <= 0 || !(ksAlpha > 0 && ksAlpha < 1)) {
      throw new IllegalArgumentException("needs windowSize >= 10, psiThreshold > 0, 0 < ksAlpha < 1, was "
          + windowSize + ", " + psiThreshold + ", " + ksAlpha);
    }
    this.reference = Objects.requireNonNull(reference, "reference");
    this.windowSize = windowSize;
    this.psiThreshold = psiThreshold;
    this.ksAlpha = ksAlpha;
    this.clock = Objects.requireNonNull(clock, "clock");
    int width = reference.features().size();
    this.referenceSamples = new double[width][];
    for (int f = 0; f < width; f++) {
      referenceSamples[f] = reference.features().get(f).sample().stream().mapToDouble(Double::doubleValue).toArray();
    }
    this.window = new double[width][windowSize];
  }

  /**
   * Adds one served row.
   *
   * @return the alerts of the window this row completed; empty if it did not complete one or nothing drifted
   * @throws IllegalArgumentException if the row is not as wide as the profile
   */
  public List<DriftAlert> add(float[] row) {
    if (row.length != window.length) {
      throw new IllegalArgumentException("row has " + row.length + " values, the profile " + window.length);
    }
    for (int f = 0; f < row.length; f++) {
      window[f][filled] = row[f];
    }
    rows++;
    if (++filled < windowSize) {
      return List.of();
    }
    filled = 0;
    List<DriftAlert> alerts = new ArrayList<>();
    for (int f = 0; f < window.length; f++) {
      FeatureProfile profile = reference.features().get(f);
      long[] counts = new long[profile.proportions().size()];
      for (double v : window[f]) {
        counts[profile.bin(v)]++;
      }
      double psi = DriftStatistics.psi(profile.proportions(), counts);
      if (psi > psiThreshold) {
        alerts.add(new DriftAlert(DriftAlert.Kind.PSI, profile.name(), psi, psiThreshold, clock.instant(), rows));
      }
      double[] sorted = window[f].clone();
      Arrays.sort(sorted);
      double ks = DriftStatistics.ks(sorted, referenceSamples[f]);
      double critical = DriftStatistics.ksCritical(sorted.length, referenceSamples[f].length, ksAlpha);
      if (ks > critical) {
        alerts.add(new DriftAlert(DriftAlert.Kind.KS, profile.name(), ks, critical, clock.instant(), rows));
      }
    }
    return alerts;
  }
}
