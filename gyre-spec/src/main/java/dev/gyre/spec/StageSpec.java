package dev.gyre.spec;

/**
 * One step of a pipeline. A stage reads the previous stage's output (the first reads the source
 * topic), writes each result to {@link #output()}, and sends events it cannot process to
 * {@link #deadLetterTopic()} or stops, as {@link #onError()} says.
 */
public sealed interface StageSpec permits FeatureStageSpec, ScoreStageSpec {

  /** The stage's name, {@code [a-z0-9][a-z0-9-]*}, unique within the pipeline. */
  String name();

  /** The full name of the topic the stage writes to. */
  String output();

  /** The full name of the topic for events the stage rejects; by default {@code output + "-dlq"}. */
  String deadLetterTopic();

  /** How many instances run side by side, at least 1. Per-key order holds at any parallelism. */
  int parallelism();

  /** What to do with an event the stage cannot process. */
  ErrorPolicy onError();

  /** The dead-letter topic used when a spec names none: the output with {@code -dlq} appended. */
  static String defaultDeadLetterTopic(String output) {
    return output + "-dlq";
  }
}
