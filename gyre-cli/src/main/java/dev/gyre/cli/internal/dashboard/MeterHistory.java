package dev.gyre.cli.internal.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The last readings of every {@code gyre.*} meter of a registry, one {@link Sample} per call of
 * {@link #sample()} (the dashboard calls it once a second), so that rates, recent percentiles and
 * sparklines can be computed from differences between samples. Meters registered later, such as a
 * sink's or a learner's, appear in the next sample. Thread-safe; sampling never throws.
 */
public final class MeterHistory {
  /**
   * One meter's reading.
   *
   * @param value   a counter's count, a timer's or summary's event count, or a gauge's value
   * @param bounds  a timer's histogram bucket upper bounds in milliseconds, else empty
   * @param buckets cumulative counts of events at or below each bound, else empty
   */
  public record Reading(double value, double[] bounds, double[] buckets) {}

  /** Every meter's reading at one instant. */
  public record Sample(long epochMillis, Map<Meter.Id, Reading> readings) {}

  private final MeterRegistry registry;
  private final Clock clock;
  private final int capacity;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  /** Keeps the newest {@code capacity} samples. */
  public MeterHistory(MeterRegistry registry, Clock clock, int capacity) {
    this.registry = registry;
    this.clock = clock;
    this.capacity = capacity;
  }

  /** Reads every {@code gyre.*} meter now and appends the sample, dropping the oldest beyond capacity. */
  public void sample() {
    Map<Meter.Id, Reading> readings = new HashMap<>();
    for (Meter meter : registry.getMeters()) {
      if (meter.getId().getName().startsWith("gyre.")) {
        try {
          Reading reading = read(meter);
          if (reading != null) {
            readings.put(meter.getId(), reading);
          }
        } catch (RuntimeException e) {
          // A gauge whose function fails is left out of this sample; the others still count.
        }
      }
    }
    Sample sample = new Sample(clock.millis(), Map.copyOf(readings));
    synchronized (samples) {
      samples.addLast(sample);
      while (samples.size() > capacity) {
        samples.removeFirst();
      }
    }
  }

  /** The samples held, oldest first. */
  public List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  private static Reading read(Meter meter) {
    double[] none = new double[0];
    if (meter instanceof Counter counter) {
      return new Reading(counter.count(), none, none);
    } else if (meter instanceof FunctionCounter counter) {
      return new Reading(counter.count(), none, none);
    } else if (meter instanceof Gauge gauge) {
      return new Reading(gauge.value(), none, none);
    } else if (meter instanceof DistributionSummary summary) {
      return new Reading(summary.count(), none, none);
    } else if (meter instanceof Timer timer) {
      CountAtBucket[] counts = timer.takeSnapshot().histogramCounts();
      double[] bounds = new double[counts.length];
      double[] buckets = new double[counts.length];
      for (int i = 0; i < counts.length; i++) {
        bounds[i] = counts[i].bucket(TimeUnit.MILLISECONDS);
        buckets[i] = counts[i].count();
      }
      return new Reading(timer.count(), bounds, buckets);
    }
    return null;
  }
}
