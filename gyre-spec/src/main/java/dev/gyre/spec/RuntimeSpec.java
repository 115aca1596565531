package dev.gyre.spec;

import dev.gyre.spec.internal.Option;
import dev.gyre.spec.internal.SpecKeys;
import dev.gyre.spec.internal.Values;
import java.time.Duration;
import java.util.Objects;

/**
 * Pulsar client tuning shared by every stage of a pipeline. The defaults, and the ranges the
 * loader enforces, are listed in {@code docs/spec-reference.md}.
 *
 * @param batchDelay         how long a producer waits to batch messages; zero or more
 * @param receiverQueueSize  how many messages each consumer prefetches; at least 1
 * @param maxPendingMessages how many messages each producer may have in flight; at least 1
 * @param microBatchEvents   the most events a stage handles in one call (one model call for a score
 *                           stage); at least 1
 * @param microBatchWait     how long a stage may wait for more events to fill a micro-batch once it
 *                           has one; zero (the default) takes only what has already arrived
 */
public record RuntimeSpec(Duration batchDelay, int receiverQueueSize, int maxPendingMessages,
    int microBatchEvents, Duration microBatchWait) {
  public RuntimeSpec {
    Objects.requireNonNull(batchDelay, "batchDelay");
    Objects.requireNonNull(microBatchWait, "microBatchWait");
    if (batchDelay.isNegative() || microBatchWait.isNegative()) {
      throw new IllegalArgumentException("batchDelay and microBatchWait must not be negative, were " + batchDelay
          + " and " + microBatchWait);
    }
    if (microBatchEvents < 1) {
      throw new IllegalArgumentException("microBatchEvents must be at least 1, was " + microBatchEvents);
    }
    if (receiverQueueSize < 1 || maxPendingMessages < 1) {
      throw new IllegalArgumentException("receiverQueueSize and maxPendingMessages must be at least 1, were "
          + receiverQueueSize + " and " + maxPendingMessages);
    }
  }

  /** Client settings with the default micro-batching (see {@link #defaults}). */
  public RuntimeSpec(Duration batchDelay, int receiverQueueSize, int maxPendingMessages) {
    this(batchDelay, receiverQueueSize, maxPendingMessages, intDefault(SpecKeys.MICRO_BATCH_EVENTS),
        Values.duration(SpecKeys.MICRO_BATCH_WAIT.defaultValue(), 0, Long.MAX_VALUE));
  }

  /**
   * The settings used when a spec has no {@code runtime} section: 1 ms, 1000, 10000, micro-batches
   * of up to 256 events without waiting.
   */
  public static RuntimeSpec defaults() {
    return new RuntimeSpec(
        Values.duration(SpecKeys.BATCH_DELAY.defaultValue(), 0, Long.MAX_VALUE),
        intDefault(SpecKeys.RECEIVER_QUEUE),
        intDefault(SpecKeys.MAX_PENDING));
  }

  /** A copy with other micro-batch settings. */
  public RuntimeSpec withMicroBatch(int events, Duration wait) {
    return new RuntimeSpec(batchDelay, receiverQueueSize, maxPendingMessages, events, wait);
  }

  private static int intDefault(Option option) {
    return Math.toIntExact(Values.integer(option.defaultValue(), option.min(), option.max()));
  }
}
