package dev.gyre.remote.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A small circuit breaker over call attempts. Closed, it lets every attempt through and counts
 * failures in a row; {@code failures} of them open it. Open, it refuses attempts until
 * {@code coolDown} has passed, then lets exactly one probe through (half-open): the probe's success
 * closes it, its failure opens it again for another cool-down. Thread-safe.
 *
 * <p>Written here rather than taken from resilience4j: the behaviour needed is these forty lines,
 * and the module stays free of dependencies beyond Jackson.
 */
public final class CircuitBreaker {
  /** The breaker's state, as {@link #state()} reports it. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  private final int failures;
  private final Duration coolDown;
  private final Clock clock;
  private State state = State.CLOSED;
  private int failuresInARow;
  private Instant openedAt = Instant.MIN;
  private long opened;

  public CircuitBreaker(int failures, Duration coolDown, Clock clock) {
    this.failures = failures;
    this.coolDown = coolDown;
    this.clock = clock;
  }

  /** Whether an attempt may go ahead now; when it does, report its end with {@link #onSuccess} or {@link #onFailure}. */
  public synchronized boolean tryAcquire() {
    switch (state) {
      case CLOSED:
        return true;
      case OPEN:
        if (!clock.instant().isBefore(openedAt.plus(coolDown))) {
          state = State.HALF_OPEN; // this attempt is the probe; others are refused until it ends
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  /** The server answered (a 4xx counts too: the server is up). */
  public synchronized void onSuccess() {
    failuresInARow = 0;
    state = State.CLOSED;
  }

  /** The attempt failed for a reason on the server's side: no connection, a 5xx, a timeout. */
  public synchronized void onFailure() {
    failuresInARow++;
    if (state == State.HALF_OPEN || (state == State.CLOSED && failuresInARow >= failures)) {
      state = State.OPEN;
      openedAt = clock.instant();
      opened++;
    }
  }

  public synchronized State state() {
    return state;
  }

  /** How often the circuit has opened so far. */
  public synchronized long timesOpened() {
    return opened;
  }
}
