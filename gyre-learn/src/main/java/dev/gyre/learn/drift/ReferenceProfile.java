package dev.gyre.learn.drift;

import dev.gyre.learn.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training data's distribution, feature by feature: what feature drift is measured against. Built
 * once from the training rows, stored as JSON beside the model (its metadata), read back where the
 * model serves.
 *
 * <p>Bins are training quantiles (equal-frequency), so each holds about {@code 1 / bins} of the training
 * data and PSI weighs the whole range; repeated values can merge bins. The sample is a seeded reservoir
 * sample, so the same rows and seed give the same profile.
 *
 * @param features one profile per feature, in the model's input order
 */
public record ReferenceProfile(List<FeatureProfile> features) {
  public ReferenceProfile {
    features = List.copyOf(features);
  }

  /**
   * Profiles the rows.
   *
   * @param names      the feature names, one per column
   * @param rows       the training rows, each {@code names.size()} wide; at least one
   * @param bins       bins per feature, at least 2 (10 is usual)
   * @param sampleSize values sampled per feature for the KS test, at least 1 (such as 1,000)
   * @param seed       the sampling seed
   */
  public static ReferenceProfile fromRows(List<String> names, List<float[]> rows, int bins, int sampleSize, long seed) {
    if (rows.isEmpty() || bins < 2 || sampleSize < 1) {
      throw new IllegalArgumentException("a profile needs rows, bins >= 2 and sampleSize >= 1, was " + rows.size()
          + " rows, " + bins + ", " + sampleSize);
    }
    List<FeatureProfile> out = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    for (int f = 0; f < names.size(); f++) {
      double[] values = new double[rows.size()];
      double[] sample = new double[Math.min(sampleSize, rows.size())];
      for (int r = 0; r < values.length; r++) {
        float[] row = rows.get(r);
        if (row.length != names.size()) {
          throw new IllegalArgumentException("row " + r + " has " + row.length + " values, expected " + names.size());
        }
        values[r] = row[f];
        if (r < sample.length) {
          sample[r] = values[r];
        } else {
          int k = random.nextInt(r + 1);
          if (k < sample.length) {
            sample[k] = values[r];
          }
        }
      }
      out.add(profile(names.get(f), values, sample, bins));
    }
    return new ReferenceProfile(out);
  }

  private static FeatureProfile profile(String name, double[] values, double[] sample, int bins) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    List<Double> edges = new ArrayList<>();
    for (int b = 1; b < bins; b++) {
      double edge = sorted[(int) Math.ceil((double) b * sorted.length / bins) - 1];
      if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
        edges.add(edge);
      }
    }
    FeatureProfile shape = new FeatureProfile(name, values.length, edges, new ArrayList<>(
        java.util.Collections.nCopies(edges.size() + 1, 0.0)), List.of());
    double[] counts = new double[edges.size() + 1];
    for (double v : values) {
      counts[shape.bin(v)]++;
    }
    List<Double> proportions = new ArrayList<>();
    for (double c : counts) {
      proportions.add(c / values.length);
    }
    Arrays.sort(sample);
    return new FeatureProfile(name, values.length, edges, proportions, Arrays.stream(sample).boxed().toList());
  }

  /** The profile of the feature named, or IllegalArgumentException naming the ones there are. */
  public FeatureProfile feature(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no feature '" + name + "' in the profile; it has "
            + features.stream().map(FeatureProfile::name).toList()));
  }

  /** This profile as JSON. */
  public String toJson() {
    return Json.write(this);
  }

  /** Reads a profile written by {@link #toJson()}; IllegalArgumentException if it is not one. */
  public static ReferenceProfile fromJson(String json) {
    return Json.read(json, ReferenceProfile.class);
  }
}
