package dev.gyre.bench;

import java.util.List;

/**
 * Everything measured for one scenario.
 *
 * @param name           the scenario's name
 * @param description    what ran
 * @param warmUp         the warm-up step (not judged)
 * @param latency        the fixed-rate latency step
 * @param search         the throughput search's steps, in order, each with its verdict
 * @param maxSustained   the highest rate sustained, events per second (0 if none)
 * @param reachedMaxRate whether the search stopped at its highest rate without finding the limit
 * @param failure        why the scenario stopped early, or {@code null}
 */
public record ScenarioResult(String name, String description, Step warmUp, Step latency, List<Verdict> search,
    long maxSustained, boolean reachedMaxRate, String failure) {

  public ScenarioResult {
    search = List.copyOf(search);
  }

  /** One search step and whether it was sustained, with the reasons if not. */
  public record Verdict(Step step, boolean sustained, List<String> reasons) {
    public Verdict {
      reasons = List.copyOf(reasons);
    }
  }
}
