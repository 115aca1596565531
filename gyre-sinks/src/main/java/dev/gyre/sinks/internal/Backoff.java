package dev.gyre.sinks.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Exponential backoff: {@code first}, doubling on each attempt, at most {@code max}. Sleeps in short
 * steps so that a stopping sink is not held up. Immutable.
 */
public record Backoff(Duration first, Duration max) {
  private static final long STEP_MILLIS = 20;

  /** The delay before retry number {@code attempt} (0 for the first retry). */
  public Duration delay(int attempt) {
    long millis = first.toMillis() << Math.min(attempt, 20);
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }

  /**
   * Sleeps {@link #delay(int)}; returns false early when {@code running} turns false or the thread is
   * interrupted (the interrupt is kept).
   */
  public boolean sleep(int attempt, BooleanSupplier running) {
    long until = System.nanoTime() + delay(attempt).toNanos();
    try {
      while (running.getAsBoolean()) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        Thread.sleep(Math.min(STEP_MILLIS, Math.max(1, left / 1_000_000)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
