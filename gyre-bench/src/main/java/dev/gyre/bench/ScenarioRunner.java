package dev.gyre.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.pulsar.client.api.PulsarClient;

/**
 * Measures one {@link Scenario}: starts it, warms it up, measures latency at the fixed latency rate,
 * then searches for its highest sustained rate, each step through the same {@link Probe}.
 */
public final class ScenarioRunner {
  private final PulsarClient client;
  private final List<SensorEvents.Event> events;
  private final Settings settings;
  private final PrintWriter out;
  private final Results results;
  private final java.util.function.Supplier<Map<String, Long>> brokerProcess;

  public ScenarioRunner(PulsarClient client, List<SensorEvents.Event> events, Settings settings, PrintWriter out,
      Results results, java.util.function.Supplier<Map<String, Long>> brokerProcess) {
    this.client = client;
    this.events = events;
    this.settings = settings;
    this.out = out;
    this.results = results;
    this.brokerProcess = brokerProcess;
  }

  public ScenarioResult run(Scenario scenario) {
    Step warmUp = null;
    Step latency = null;
    List<ScenarioResult.Verdict> search = new ArrayList<>();
    ThroughputSearch rates = new ThroughputSearch(settings.startRate(), settings.maxRate(), settings.bisections(),
        settings.granularity());
    String failure = null;
    out.printf("[%s] starting: %s%n", scenario.name(), scenario.description());
    out.flush();
    try {
      scenario.start();
      try (Probe probe = new Probe(client, scenario.inputTopic(), scenario.outputTopic(), "gyre-bench", events)) {
        StepRunner steps = new StepRunner(probe, new LoadGenerator(LoadGenerator.SYSTEM), settings.drainTimeout(),
            settings.abortFraction(), scenario::failure, new CpuMeter(() -> {
              Map<String, Long> pids = new java.util.LinkedHashMap<>(brokerProcess.get());
              pids.putAll(scenario.processes());
              return pids;
            }));
        warmUp = steps.run("warm-up", settings.warmUpRate(), settings.warmUp(), false);
        print(scenario, warmUp, null);
        latency = steps.run("latency", settings.latencyRate(), settings.latencyDuration());
        print(scenario, latency, null);
        results.writeHistogram(scenario.name(), steps.lastHistogram());
        for (OptionalLong rate = rates.next(); rate.isPresent() && scenario.failure() == null; rate = rates.next()) {
          Step step = steps.run("search", rate.getAsLong(), settings.stepDuration());
          List<String> reasons = settings.criterion().failures(step);
          rates.record(rate.getAsLong(), reasons.isEmpty());
          search.add(new ScenarioResult.Verdict(step, reasons.isEmpty(), reasons));
          print(scenario, step, reasons);
          if (!step.drained()) {
            failure = "a step at " + step.rate() + " events/s did not drain within " + settings.drainTimeout()
                .toSeconds() + " s; the search stopped there";
            break;
          }
        }
        if (failure == null) {
          failure = scenario.failure();
        }
        if (probe.unstamped() > 0) {
          out.printf("[%s] %,d events arrived without the %s property: their latency is unknown%n", scenario.name(),
              probe.unstamped(), Probe.INTENDED);
        }
      }
    } catch (Exception e) {
      failure = e.getMessage() == null ? e.toString() : e.getMessage();
    } finally {
      scenario.close();
    }
    if (failure != null) {
      out.printf("[%s] stopped: %s%n", scenario.name(), failure);
    }
    out.printf("[%s] max sustained %s%,d events/s%n", scenario.name(), rates.reachedMaxRate() ? ">= " : "",
        rates.best());
    out.flush();
    return new ScenarioResult(scenario.name(), scenario.description(), warmUp, latency, search, rates.best(),
        rates.reachedMaxRate(), failure);
  }

  private void print(Scenario scenario, Step step, List<String> reasons) {
    Latency l = step.latency();
    out.printf(Locale.ROOT, "[%s] %-8s %,9d/s for %4.1f s: sent %,9.0f/s delivered %,9.0f/s | p50 %6.1f p99 %7.1f"
            + " p99.9 %7.1f max %7.1f ms%s%n", scenario.name(), step.phase(), step.rate(), step.sendSeconds(),
        step.sentRate(), step.deliveredRate(), l.p50(), l.p99(), l.p999(), l.max(),
        reasons == null ? "" : reasons.isEmpty() ? "  sustained" : "  NOT sustained: " + String.join(", ", reasons));
    if (!step.cpuMicrosPerEvent().isEmpty()) {
      StringBuilder cpu = new StringBuilder();
      step.cpuMicrosPerEvent().forEach((k, v) -> cpu.append(String.format(Locale.ROOT, " %s %.1f",
          k.substring(k.indexOf(':') + 1), v)));
      out.printf("[%s]          cpu us/event:%s%n", scenario.name(), cpu);
    }
    out.flush();
  }
}
