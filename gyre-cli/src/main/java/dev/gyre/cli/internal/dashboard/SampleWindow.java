package dev.gyre.cli.internal.dashboard;

import dev.gyre.cli.internal.dashboard.MeterHistory.Reading;
import dev.gyre.cli.internal.dashboard.MeterHistory.Sample;
import io.micrometer.core.instrument.Meter;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic over a run of {@link Sample}s, oldest first: latest values, rates over the last few
 * seconds, per-second series and percentiles of the events that arrived within a window (from the
 * difference of two cumulative histograms, as Prometheus's {@code histogram_quantile} over
 * {@code rate(..._bucket[w])} does). Immutable.
 */
final class SampleWindow {
  private final List<Sample> samples;

  SampleWindow(List<Sample> samples) {
    this.samples = List.copyOf(samples);
  }

  Sample latest() {
    return samples.isEmpty() ? null : samples.get(samples.size() - 1);
  }

  /** The ids of the newest sample's meters named {@code name}. */
  List<Meter.Id> ids(String name) {
    Sample latest = latest();
    return latest == null ? List.of()
        : latest.readings().keySet().stream().filter(id -> id.getName().equals(name)).toList();
  }

  /** The newest value of {@code id}, or 0 when it has none. */
  double value(Meter.Id id) {
    Reading reading = latest() == null ? null : latest().readings().get(id);
    return reading == null ? 0 : reading.value();
  }

  /** Growth per second of {@code id} over the last {@code seconds} samples (fewer at start), 0 without two. */
  double rate(Meter.Id id, int seconds) {
    Sample back = back(seconds);
    Sample latest = latest();
    if (back == null || back == latest || latest.epochMillis() <= back.epochMillis()) {
      return 0;
    }
    double then = back.readings().containsKey(id) ? back.readings().get(id).value() : 0;
    return Math.max(0, value(id) - then) * 1000.0 / (latest.epochMillis() - back.epochMillis());
  }

  /** Growth per second of {@code id} between each pair of consecutive samples, at most {@code points}. */
  List<Double> perSecond(Meter.Id id, int points) {
    List<Double> series = new ArrayList<>();
    for (int i = Math.max(1, samples.size() - points); i < samples.size(); i++) {
      Sample a = samples.get(i - 1);
      Sample b = samples.get(i);
      double before = a.readings().containsKey(id) ? a.readings().get(id).value() : 0;
      double after = b.readings().containsKey(id) ? b.readings().get(id).value() : 0;
      long millis = Math.max(1, b.epochMillis() - a.epochMillis());
      series.add(Math.max(0, after - before) * 1000.0 / millis);
    }
    return series;
  }

  /**
   * The {@code q} quantile, in milliseconds, of the events a timer recorded within the last
   * {@code seconds} samples, interpolated within its histogram bucket; {@code null} when it recorded none.
   */
  Double percentile(Meter.Id id, double q, int seconds) {
    Sample back = back(seconds);
    Reading now = latest() == null ? null : latest().readings().get(id);
    if (now == null || now.buckets().length == 0) {
      return null;
    }
    Reading then = back == null || back == latest() ? null : back.readings().get(id);
    double[] counts = new double[now.buckets().length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = now.buckets()[i] - (then == null || then.buckets().length != counts.length ? 0 : then.buckets()[i]);
    }
    double total = now.value() - (then == null ? 0 : then.value());
    if (total <= 0) {
      return null;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] >= rank) {
        double inBucket = counts[i] - lowerCount;
        double share = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
        return lowerBound + share * (now.bounds()[i] - lowerBound);
      }
      lowerBound = now.bounds()[i];
      lowerCount = counts[i];
    }
    return lowerBound; // beyond the largest bucket: report its bound, as histogram_quantile does
  }

  private Sample back(int seconds) {
    return samples.isEmpty() ? null : samples.get(Math.max(0, samples.size() - 1 - seconds));
  }
}
