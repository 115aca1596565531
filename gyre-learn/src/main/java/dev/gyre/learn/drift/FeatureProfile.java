package dev.gyre.learn.drift;

import java.util.List;
import java.util.Objects;

/**
 * What one feature looked like in the training data.
 *
 * @param name        the feature's name
 * @param count       how many training values the profile was built from
 * @param edges       the inner bin edges, increasing: bin 0 is {@code (-inf, edges[0]]}, bin i is
 *                    {@code (edges[i-1], edges[i]]}, the last is {@code (edges[last], +inf)}
 * @param proportions the share of training values in each bin ({@code edges.size() + 1} of them)
 * @param sample      a uniform random sample of the training values, sorted, for the KS test
 */
public record FeatureProfile(String name, long count, List<Double> edges, List<Double> proportions, List<Double> sample) {
  public FeatureProfile {
    Objects.requireNonNull(name, "name");
    edges = List.copyOf(edges);
    proportions = List.copyOf(proportions);
    sample = List.copyOf(sample);
    if (proportions.size() != edges.size() + 1) {
      throw new IllegalArgumentException("feature '" + name + "' has " + edges.size() + " edges but "
          + proportions.size() + " proportions; it needs one more proportion than edges");
    }
  }

  /** The bin a value falls in. */
  public int bin(double value) {
    int lo = 0;
    int hi = edges.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (value <= edges.get(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
