package dev.gyre.bench;

import java.time.Duration;

/**
 * How a scenario is measured.
 *
 * @param warmUp          how long to send before measuring (JIT, connections, caches)
 * @param warmUpRate      the rate of the warm-up, events per second
 * @param latencyRate     the rate at which latency percentiles are reported (the 5,000/s)
 * @param latencyDuration how long the latency step lasts
 * @param startRate       the first rate of the throughput search
 * @param maxRate         the highest rate the search tries
 * @param stepDuration    how long each search step sends
 * @param bisections      how many bisection steps follow the doubling
 * @param granularity     search rates are multiples of this
 * @param criterion       when a step counts as sustained
 * @param drainTimeout    how long to wait after a step for its events to arrive
 * @param abortFraction   a step stops early when its backlog exceeds this fraction of its events
 */
public record Settings(Duration warmUp, long warmUpRate, long latencyRate, Duration latencyDuration, long startRate,
    long maxRate, Duration stepDuration, int bisections, long granularity, Criterion criterion,
    Duration drainTimeout, double abortFraction) {

  /** The full run: about 4 to 6 minutes per scenario. */
  public static Settings full() {
    return new Settings(Duration.ofSeconds(30), 10_000, 5_000, Duration.ofSeconds(30), 10_000, 2_560_000,
        Duration.ofSeconds(10), 3, 1_000, Criterion.defaults(), Duration.ofSeconds(60), 0.10);
  }

  /** A smoke run of about a minute per scenario: short steps, one bisection, numbers only indicative. */
  public static Settings quick() {
    return new Settings(Duration.ofSeconds(5), 5_000, 5_000, Duration.ofSeconds(5), 20_000, 640_000,
        Duration.ofSeconds(3), 1, 1_000, Criterion.defaults(), Duration.ofSeconds(30), 0.10);
  }
}
