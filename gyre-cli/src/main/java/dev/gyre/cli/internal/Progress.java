package dev.gyre.cli.internal;

import dev.gyre.core.metrics.StageMetrics;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Writes one line of live progress per stage: events in, out and dead-lettered, and latency. */
public final class Progress {
  private final PrintWriter out;
  private final long startNanos = System.nanoTime();

  public Progress(PrintWriter out) {
    this.out = out;
  }

  public void print(Map<String, StageMetrics> stages, String extra) {
    StringBuilder line = new StringBuilder(String.format("[%4ds]", elapsedSeconds()));
    if (extra != null) {
      line.append(' ').append(extra).append(" |");
    }
    for (StageMetrics m : stages.values()) {
      line.append(String.format(" %s in %,d out %,d dlq %,d |", m.stage(), m.inCount(), m.outCount(),
          m.deadLetterCount()));
    }
    StageMetrics last = stages.values().stream().reduce((a, b) -> b).orElse(null);
    if (last != null && last.latency().count() > 0) {
      var snapshot = last.latency().takeSnapshot();
      line.append(String.format(" e2e mean %.1f ms, max %.0f ms", snapshot.mean(TimeUnit.MILLISECONDS),
          snapshot.max(TimeUnit.MILLISECONDS)));
    }
    out.println(line);
  }

  public long elapsedSeconds() {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
  }
}
