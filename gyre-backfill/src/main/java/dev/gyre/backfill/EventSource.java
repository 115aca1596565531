package dev.gyre.backfill;

import java.util.function.Consumer;

/** Where a backfill's events come from, in the order the online pipeline saw them. */
public interface EventSource {

  /**
   * Hands every event to {@code action}, in source order, on the calling thread, then returns.
   *
   * @throws java.io.UncheckedIOException or {@link dev.gyre.api.StageException} when the source cannot be read
   */
  void forEach(Consumer<SourceEvent> action);

  /** What the source is, for messages: a file path or a topic. */
  String describe();
}
