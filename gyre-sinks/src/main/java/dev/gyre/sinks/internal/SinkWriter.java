package dev.gyre.sinks.internal;

import java.util.List;

/**
 * Writes batches of events somewhere outside Pulsar. Called from one sink thread only.
 *
 * <p>{@link #write} either writes every event it does not return as rejected or skipped, or throws
 * {@link RetryLater}; then nothing of the batch counts as written, the runner redelivers the whole
 * batch later, and the writer must make writing an event twice harmless.
 */
public interface SinkWriter extends AutoCloseable {

  /** Connects and checks the destination; throws {@link dev.gyre.api.StageException} when the sink must not start. */
  void open();

  /**
   * Writes {@code events}.
   *
   * @return the events that can never be written, with the reason, and how many were skipped on purpose
   * @throws RetryLater when the destination failed and the batch should be retried later
   */
  Result write(List<SinkEvent> events);

  @Override
  void close();

  /** An event that cannot be written, with a stable reason code and an explanation. */
  record Rejected(SinkEvent event, String reason, String detail) {}

  /** What a write did besides writing. */
  record Result(List<Rejected> rejected, int skipped) {
    public Result {
      rejected = List.copyOf(rejected);
    }
  }

  /** The destination failed in a way that may pass: retry the batch after a backoff. */
  final class RetryLater extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RetryLater(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
