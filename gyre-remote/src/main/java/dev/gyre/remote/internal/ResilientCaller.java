package dev.gyre.remote.internal;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs calls to the model server with the resilience the spec asks for: at most
 * {@code maxConcurrency} in flight (others wait up to one timeout for a slot), each attempt only
 * while the {@link CircuitBreaker} allows it, and up to {@code retries} retries after a failure on
 * the server's side, waiting {@code backoff * 2^n} with equal jitter (half fixed, half random)
 * before retry n + 1. The caller's thread does the waiting: a call returns when it has an answer or
 * has finally failed. Thread-safe.
 */
public final class ResilientCaller {
  /** One attempt: the request, sent and read. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws CallFailure;
  }

  private final RemoteOptions options;
  private final CircuitBreaker breaker;
  private final Semaphore slots;
  private final Random random;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  public ResilientCaller(RemoteOptions options, CircuitBreaker breaker, long seed) {
    this.options = options;
    this.breaker = breaker;
    this.slots = new Semaphore(options.maxConcurrency(), true);
    this.random = new Random(seed);
  }

  /** Runs {@code attempt} until it succeeds or finally fails; the failure is the last attempt's. */
  public <T> T call(Attempt<T> attempt) throws CallFailure {
    calls.incrementAndGet();
    try {
      if (!slots.tryAcquire(options.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        throw count(new CallFailure(options.maxConcurrency() + " calls were in flight for longer than the timeout "
            + options.timeout().toMillis() + " ms", false, null));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw count(new CallFailure("interrupted while waiting for a call slot", false, e));
    }
    try {
      for (int attemptNo = 0; ; attemptNo++) {
        if (!breaker.tryAcquire()) {
          refused.incrementAndGet();
          throw count(new CallFailure("the circuit is open after repeated failures; no call was made", false, null));
        }
        try {
          T result = attempt.run();
          breaker.onSuccess();
          return result;
        } catch (CallFailure failure) {
          if (!failure.serverDown()) {
            breaker.onSuccess();
            throw count(failure);
          }
          breaker.onFailure();
          if (attemptNo >= options.retries()) {
            throw count(failure);
          }
        }
        retries.incrementAndGet();
        sleep(backoff(attemptNo));
      }
    } finally {
      slots.release();
    }
  }

  private Duration backoff(int attemptNo) {
    long full = options.backoff().toNanos() << Math.min(attemptNo, 20);
    long jitter;
    synchronized (random) {
      jitter = full <= 1 ? 0 : (long) (random.nextDouble() * (full / 2));
    }
    return Duration.ofNanos(full / 2 + jitter);
  }

  private static void sleep(Duration d) throws CallFailure {
    try {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallFailure("interrupted during the backoff before a retry", false, e);
    }
  }

  private CallFailure count(CallFailure failure) {
    failures.incrementAndGet();
    return failure;
  }

  public long calls() {
    return calls.get();
  }

  public long failures() {
    return failures.get();
  }

  public long retries() {
    return retries.get();
  }

  /** Attempts the open circuit refused without calling the server. */
  public long refusedByCircuit() {
    return refused.get();
  }

  public CircuitBreaker breaker() {
    return breaker;
  }
}
