package dev.gyre.bench;

/**
 * One system under test between the {@link Probe}'s producer and its consumer. The bench calls
 * {@link #start} once, then sends into {@link #inputTopic()} and reads {@link #outputTopic()}, then
 * calls {@link #close}. Each scenario uses a tenant of its own, so none sees another's data.
 */
public interface Scenario extends AutoCloseable {

  /** A short name: {@code raw}, {@code gyre} or {@code functions}. */
  String name();

  /** What runs, in a sentence, for the report. */
  String description();

  /** Creates topics and starts what processes them; returns once it consumes its input. */
  void start() throws Exception;

  String inputTopic();

  String outputTopic();

  /** The processes it started (label to pid), whose CPU time the bench measures; none by default. */
  default java.util.Map<String, Long> processes() {
    return java.util.Map.of();
  }

  /** Why the system under test stopped, or {@code null} while it runs. */
  String failure();

  /** Stops what {@link #start} started. Must not throw. */
  @Override
  void close();
}
