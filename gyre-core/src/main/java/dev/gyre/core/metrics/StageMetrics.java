package dev.gyre.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The instruments of one stage (all instances of it share them).
 *
 * <ul>
 *   <li>{@code gyre.stage.events{pipeline,stage,outcome}}: counter; outcome is {@code in},
 *       {@code out} (output persisted) or {@code dead_letter} (dead letter persisted);</li>
 *   <li>{@code gyre.stage.dead.letters{pipeline,stage,reason}}: counter per dead-letter reason;</li>
 *   <li>{@code gyre.stage.process.time{pipeline,stage}}: timer, the stage's own work per event;</li>
 *   <li>{@code gyre.stage.latency{pipeline,stage}}: timer, from the event's ingestion into the
 *       pipeline until this stage's output was persisted (end-to-end at the last stage).</li>
 * </ul>
 * Thread-safe. Methods never throw.
 */
public final class StageMetrics {
  static final String EVENTS = "gyre.stage.events";
  static final String DEAD_LETTERS = "gyre.stage.dead.letters";
  static final String PROCESS_TIME = "gyre.stage.process.time";
  static final String LATENCY = "gyre.stage.latency";

  private final MeterRegistry registry;
  private final String pipeline;
  private final String stage;
  private final Counter in;
  private final Counter out;
  private final Counter deadLetters;
  private final Timer processTime;
  private final Timer latency;
  private final Map<String, Counter> byReason = new ConcurrentHashMap<>();

  public StageMetrics(MeterRegistry registry, String pipeline, String stage) {
    this.registry = registry;
    this.pipeline = pipeline;
    this.stage = stage;
    this.in = events("in");
    this.out = events("out");
    this.deadLetters = events("dead_letter");
    this.processTime = Timer.builder(PROCESS_TIME)
        .description("Time the stage spends on one event, excluding I/O")
        .tags("pipeline", pipeline, "stage", stage)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100))
        .maximumExpectedValue(Duration.ofSeconds(1))
        .register(registry);
    this.latency = Timer.builder(LATENCY)
        .description("Time from ingestion into the pipeline until this stage's output was persisted")
        .tags("pipeline", pipeline, "stage", stage)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(1))
        .register(registry);
  }

  private Counter events(String outcome) {
    return Counter.builder(EVENTS)
        .description("Events seen by a stage, by outcome")
        .tags("pipeline", pipeline, "stage", stage, "outcome", outcome)
        .register(registry);
  }

  public void received() {
    in.increment();
  }

  public void processed(long nanos) {
    processTime.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The output of an event was persisted; {@code sinceIngestMillis} < 0 means unknown. */
  public void emitted(long sinceIngestMillis) {
    out.increment();
    if (sinceIngestMillis >= 0) {
      latency.record(sinceIngestMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** An event was persisted to the dead-letter topic for {@code reason}. */
  public void deadLettered(String reason) {
    deadLetters.increment();
    byReason.computeIfAbsent(reason, r -> Counter.builder(DEAD_LETTERS)
        .description("Dead letters by reason")
        .tags("pipeline", pipeline, "stage", stage, "reason", r)
        .register(registry)).increment();
  }

  public long inCount() {
    return (long) in.count();
  }

  public long outCount() {
    return (long) out.count();
  }

  public long deadLetterCount() {
    return (long) deadLetters.count();
  }

  public Timer latency() {
    return latency;
  }

  public Timer processTime() {
    return processTime;
  }

  public String stage() {
    return stage;
  }
}
