package dev.gyre.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Sends events open-loop: at a fixed rate on a {@link Schedule}, never waiting for earlier events to
 * come out. When the sender falls behind (the producer blocks, the machine is saturated), it catches up
 * by sending every overdue event at once, each still stamped with its intended time; a slower system
 * thus shows up as higher latency rather than as a lower offered rate.
 *
 * <p>{@link #run} sends on the calling thread. Not thread-safe; one run at a time.
 */
public final class LoadGenerator {

  /** Receives each event to send, on the generator's thread, in sequence order. */
  @FunctionalInterface
  public interface Sender {
    void send(long sequence, long intendedNanos);
  }

  /** The time source; {@link #SYSTEM} in production, a fake one in tests. */
  public interface Ticker {
    long nanoTime();

    /** Waits until {@code deadlineNanos} or a little longer. */
    void parkUntil(long deadlineNanos);
  }

  public static final Ticker SYSTEM = new Ticker() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void parkUntil(long deadlineNanos) {
      long wait = deadlineNanos - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  };

  /**
   * What a run did.
   *
   * @param planned     events the schedule held
   * @param sent        events actually handed to the sender
   * @param startNanos  the schedule's start
   * @param endNanos    when the last send returned (or the run was aborted)
   * @param maxLagNanos the furthest the sender was behind the schedule
   * @param aborted     whether {@code abort} stopped the run early
   */
  public record Report(long planned, long sent, long startNanos, long endNanos, long maxLagNanos, boolean aborted) {
    /** Events sent per second of the run. */
    public double sentRate() {
      return endNanos > startNanos ? sent * 1e9 / (endNanos - startNanos) : 0;
    }
  }

  private static final int ABORT_CHECK_EVERY = 256;

  private final Ticker ticker;

  public LoadGenerator(Ticker ticker) {
    this.ticker = ticker;
  }

  /**
   * Sends {@code rate * duration} events starting now; {@code abort} is polled every few hundred
   * events and at every pause, and ends the run early when it returns true.
   */
  public Report run(double rate, Duration duration, Sender sender, BooleanSupplier abort) {
    Schedule schedule = new Schedule(ticker.nanoTime(), rate);
    long planned = schedule.count(duration.toNanos());
    long next = 0;
    long maxLag = 0;
    boolean aborted = false;
    while (next < planned) {
      long now = ticker.nanoTime();
      long due = Math.min(planned, schedule.dueBy(now));
      if (next < due) {
        maxLag = Math.max(maxLag, now - schedule.intended(next));
      }
      while (next < due) {
        sender.send(next, schedule.intended(next));
        next++;
        if (next % ABORT_CHECK_EVERY == 0 && abort.getAsBoolean()) {
          aborted = true;
          break;
        }
      }
      if (aborted || (next < planned && abort.getAsBoolean())) {
        aborted = true;
        break;
      }
      if (next < planned) {
        ticker.parkUntil(schedule.intended(next));
      }
    }
    return new Report(planned, next, schedule.startNanos(), ticker.nanoTime(), maxLag, aborted);
  }
}
