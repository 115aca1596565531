package dev.gyre.bench;

import java.util.List;
import java.util.Optional;

/**
 * A whole bench run: how it was started, on what, with which settings, and each scenario's result.
 *
 * @param command   the command line
 * @param started   when it started (ISO-8601)
 * @param finished  when it ended (ISO-8601)
 * @param machine   the machine
 * @param loadStart the load average when it started
 * @param loadEnd   the load average when it ended
 * @param settings  how it measured
 * @param scenarios the scenarios' results, in the order they ran
 */
public record Report(String command, String started, String finished, Machine machine, String loadStart,
    String loadEnd, Settings settings, List<ScenarioResult> scenarios) {

  /** The targets: Gyre's throughput at least 40% of raw, its p99 at most 2.5 times raw's. */
  public static final double MIN_THROUGHPUT_RATIO = 0.40;
  public static final double MAX_P99_RATIO = 2.5;

  public Report {
    scenarios = List.copyOf(scenarios);
  }

  public Optional<ScenarioResult> scenario(String name) {
    return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** {@code name}'s max sustained throughput over raw's, if both ran. */
  public Optional<Double> throughputRatio(String name) {
    return scenario("raw").flatMap(raw -> scenario(name)
        .filter(s -> raw.maxSustained() > 0)
        .map(s -> (double) s.maxSustained() / raw.maxSustained()));
  }

  /** {@code name}'s p99 at the latency rate over raw's, if both ran. */
  public Optional<Double> p99Ratio(String name) {
    return scenario("raw").flatMap(raw -> scenario(name)
        .filter(s -> raw.latency() != null && s.latency() != null && raw.latency().latency().p99() > 0)
        .map(s -> s.latency().latency().p99() / raw.latency().latency().p99()));
  }
}
