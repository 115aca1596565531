package dev.gyre.bench;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one step's end-to-end latency, in milliseconds, measured from each event's
 * intended send time to its arrival at the final consumer.
 */
public record Latency(long count, double p50, double p90, double p99, double p999, double max) {

  /** Summarises a histogram of microseconds. */
  public static Latency of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
        ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
