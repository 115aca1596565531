package dev.gyre.sinks.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instruments of one sink, tagged {@code pipeline} and {@code sink}:
 *
 * <ul>
 *   <li>{@code gyre.sink.events{outcome}}: counter; {@code written}, {@code skipped} (a webhook's
 *       {@code when} was false) or {@code dead_letter}, each counted once the event is acknowledged;</li>
 *   <li>{@code gyre.sink.dead.letters{reason}}: counter per dead-letter reason;</li>
 *   <li>{@code gyre.sink.write.time}: timer, one batch's write (a transaction, or a batch of POSTs);</li>
 *   <li>{@code gyre.sink.retries}: counter, batches handed back for redelivery after a failed write.</li>
 * </ul>
 * Thread-safe. Methods never throw.
 */
public final class SinkMetrics {
  static final String EVENTS = "gyre.sink.events";

  private final MeterRegistry registry;
  private final String pipeline;
  private final String sink;
  private final Counter written;
  private final Counter skipped;
  private final Counter deadLettered;
  private final Counter retries;
  private final Timer writeTime;
  private final Map<String, Counter> byReason = new ConcurrentHashMap<>();

  public SinkMetrics(MeterRegistry registry, String pipeline, String sink) {
    this.registry = registry;
    this.pipeline = pipeline;
    this.sink = sink;
    this.written = events("written");
    this.skipped = events("skipped");
    this.deadLettered = events("dead_letter");
    this.retries = Counter.builder("gyre.sink.retries").description("Batches redelivered after a failed write")
        .tags("pipeline", pipeline, "sink", sink).register(registry);
    this.writeTime = Timer.builder("gyre.sink.write.time").description("Time to write one batch")
        .tags("pipeline", pipeline, "sink", sink).publishPercentileHistogram().register(registry);
  }

  private Counter events(String outcome) {
    return Counter.builder(EVENTS).description("Events a sink handled, by outcome")
        .tags("pipeline", pipeline, "sink", sink, "outcome", outcome).register(registry);
  }

  void handled(int writtenCount, int skippedCount) {
    written.increment(writtenCount);
    skipped.increment(skippedCount);
  }

  void deadLettered(String reason) {
    deadLettered.increment();
    byReason.computeIfAbsent(reason, r -> Counter.builder("gyre.sink.dead.letters")
        .description("Events a sink dead-lettered, by reason")
        .tags("pipeline", pipeline, "sink", sink, "reason", r).register(registry)).increment();
  }

  void retried() {
    retries.increment();
  }

  Timer writeTime() {
    return writeTime;
  }

  public long writtenCount() {
    return (long) written.count();
  }

  public long skippedCount() {
    return (long) skipped.count();
  }

  public long deadLetterCount() {
    return (long) deadLettered.count();
  }

  public long retryCount() {
    return (long) retries.count();
  }
}
