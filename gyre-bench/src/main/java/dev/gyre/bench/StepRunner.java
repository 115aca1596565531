package dev.gyre.bench;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Runs one fixed-rate step through a {@link Probe}: sends open-loop for the step's duration, stops
 * early if the backlog passes {@code abortFraction} of the step's events, then waits for every sent
 * event to arrive (up to {@code drainTimeout}) so that the next step starts empty and this step's
 * latency includes its slowest events.
 */
public final class StepRunner {
  private final Probe probe;
  private final LoadGenerator generator;
  private final Duration drainTimeout;
  private final double abortFraction;
  private final Supplier<String> scenarioFailure;
  private final CpuMeter cpu;
  private Histogram lastHistogram;

  /**
   * @param scenarioFailure returns why the scenario under test stopped, or {@code null} while it runs;
   *                        a stopped scenario ends the drain at once
   */
  public StepRunner(Probe probe, LoadGenerator generator, Duration drainTimeout, double abortFraction,
      Supplier<String> scenarioFailure, CpuMeter cpu) {
    this.probe = probe;
    this.generator = generator;
    this.drainTimeout = drainTimeout;
    this.abortFraction = abortFraction;
    this.scenarioFailure = scenarioFailure;
    this.cpu = cpu;
  }

  /** Runs a judged step: it stops early once its backlog passes the abort limit. */
  public Step run(String phase, long rate, Duration duration) {
    return run(phase, rate, duration, true);
  }

  /**
   * Runs a step; a warm-up passes {@code abortable = false}, because a cold system falls behind at
   * first and must still get its full warm-up.
   */
  public Step run(String phase, long rate, Duration duration, boolean abortable) {
    probe.takeLatency();
    Map<String, Long> cpuBefore = cpu.snapshot();
    long sentBefore = probe.sent();
    long receivedBefore = probe.received();
    long abortBacklog = Math.max(10_000, (long) (abortFraction * rate * duration.toNanos() / 1e9));
    LoadGenerator.Report report = generator.run(rate, duration, probe::send,
        () -> abortable && (probe.sent() - sentBefore) - (probe.received() - receivedBefore) > abortBacklog
            || scenarioFailure.get() != null);
    long deliveredInWindow = probe.received() - receivedBefore;
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    while (probe.received() < probe.sent() - probe.sendFailures() && System.nanoTime() < deadline
        && scenarioFailure.get() == null) {
      sleep(20);
    }
    boolean drained = probe.received() >= probe.sent() - probe.sendFailures();
    lastHistogram = probe.takeLatency();
    Map<String, Double> cpuPerEvent = CpuMeter.perEvent(cpuBefore, cpu.snapshot(), probe.received() - receivedBefore);
    double sendSeconds = (report.endNanos() - report.startNanos()) / 1e9;
    return new Step(phase, rate, duration.toNanos() / 1e9, report.planned(), report.sent(), sendSeconds,
        deliveredInWindow, probe.received() - receivedBefore, report.maxLagNanos() / 1e6, report.aborted(),
        drained, Latency.of(lastHistogram), cpuPerEvent);
  }

  /** The full latency histogram (microseconds) of the last step, for percentile files. */
  public Histogram lastHistogram() {
    return lastHistogram;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while draining", e);
    }
  }
}
