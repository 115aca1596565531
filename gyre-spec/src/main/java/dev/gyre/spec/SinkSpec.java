package dev.gyre.spec;

/**
 * Where a pipeline's events land outside Pulsar: a sink reads one topic of the pipeline (a stage's
 * output, a dead-letter topic, or the source topic) through its own subscription, writes each event
 * out, and sends what it cannot write to {@link #deadLetterTopic()} with the reason. Sinks run next
 * to the stages (module {@code gyre-sinks}); delivery is at-least-once, so a sink is written to
 * make a redelivered event harmless.
 */
public sealed interface SinkSpec permits PostgresSinkSpec, WebhookSinkSpec {

  /** The sink's name, {@code [a-z0-9][a-z0-9-]*}, unique among the pipeline's stages and sinks. */
  String name();

  /** The full name of the topic the sink reads. */
  String input();

  /** Where events the sink cannot write go: {@code <input>-<name>-dlq}. */
  default String deadLetterTopic() {
    return input() + "-" + name() + "-dlq";
  }
}
