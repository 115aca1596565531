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
 */
public record RuntimeSpec(Duration batchDelay, int receiverQueueSize, int maxPendingMessages) {
  public RuntimeSpec {
    Objects.requireNonNull(batchDelay, "batchDelay");
    if (batchDelay.isNegative()) {
      throw new IllegalArgumentException("batchDelay must not be negative, was " + batchDelay);
    }
    if (receiverQueueSize < 1 || maxPendingMessages < 1) {
      throw new IllegalArgumentException("receiverQueueSize and maxPendingMessages must be at least 1, were "
          + receiverQueueSize + " and " + maxPendingMessages);
    }
  }

  /** The settings used when a spec has no {@code runtime} section: 1 ms, 1000, 10000. */
  public static RuntimeSpec defaults() {
    return new RuntimeSpec(
        Values.duration(SpecKeys.BATCH_DELAY.defaultValue(), 0, Long.MAX_VALUE),
        intDefault(SpecKeys.RECEIVER_QUEUE),
        intDefault(SpecKeys.MAX_PENDING));
  }

  private static int intDefault(Option option) {
    return Math.toIntExact(Values.integer(option.defaultValue(), option.min(), option.max()));
  }
}
