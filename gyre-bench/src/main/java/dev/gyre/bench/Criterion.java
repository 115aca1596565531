package dev.gyre.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a rate counts as sustained. A step at rate R passes when all of these hold:
 * <ol>
 *   <li>it ran to the end: its backlog (sent minus arrived) never exceeded the abort limit;</li>
 *   <li>the generator kept to its schedule: it sent at least {@code minFraction} of R;</li>
 *   <li>the system kept up: while sending, events arrived at the final consumer at least at
 *       {@code minFraction} of the rate they were sent, so the backlog did not grow;</li>
 *   <li>latency stayed bounded: p99 from intended send time is at most {@code maxP99} (a system that
 *       falls behind sees its latency grow for as long as the step lasts);</li>
 *   <li>every sent event arrived before the drain timeout.</li>
 * </ol>
 * Immutable.
 */
public record Criterion(double minFraction, Duration maxP99) {

  /** 95% and 500 ms. */
  public static Criterion defaults() {
    return new Criterion(0.95, Duration.ofMillis(500));
  }

  /** The reasons the step failed; empty when it was sustained. */
  public List<String> failures(Step step) {
    List<String> reasons = new ArrayList<>();
    if (step.aborted()) {
      reasons.add("aborted: backlog past the limit");
    }
    if (step.sentRate() < minFraction * step.rate()) {
      reasons.add(String.format(Locale.ROOT, "sent only %.0f/s", step.sentRate()));
    }
    if (step.deliveredInWindow() < minFraction * step.sent()) {
      reasons.add(String.format(Locale.ROOT, "delivered %.1f%% while sending",
          step.sent() == 0 ? 0 : 100.0 * step.deliveredInWindow() / step.sent()));
    }
    if (!(step.latency().p99() <= maxP99.toNanos() / 1e6)) {
      reasons.add(String.format(Locale.ROOT, "p99 %.1f ms", step.latency().p99()));
    }
    if (!step.drained()) {
      reasons.add("did not drain");
    }
    return reasons;
  }

  public boolean sustained(Step step) {
    return failures(step).isEmpty();
  }
}
