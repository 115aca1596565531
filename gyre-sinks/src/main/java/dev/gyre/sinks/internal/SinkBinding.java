package dev.gyre.sinks.internal;

import java.util.Objects;

/**
 * Where one sink reads and dead-letters on Pulsar.
 *
 * @param sink              the sink's name
 * @param inputTopic        the topic read
 * @param subscription      {@code gyre-<pipeline>-<sink>}
 * @param deadLetterTopic   where events that cannot be written go, unchanged, with the reason
 * @param batchSize         the most events handed to the writer at once
 * @param receiverQueueSize how many messages the consumer prefetches
 */
public record SinkBinding(String sink, String inputTopic, String subscription, String deadLetterTopic,
    int batchSize, int receiverQueueSize) {
  public SinkBinding {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(inputTopic, "inputTopic");
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
  }
}
