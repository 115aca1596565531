package dev.gyre.core.plan;

import java.util.Objects;

/**
 * A topic the pipeline needs.
 *
 * @param topic      the full topic name
 * @param avroSchema the Avro record definition of its JSON schema, or {@code null} for raw bytes
 *                   (dead-letter and feedback topics)
 * @param compacted  whether only the latest message per key matters (state changelogs), so the
 *                   topic is compacted
 */
public record TopicPlan(String topic, String avroSchema, boolean compacted) {
  public TopicPlan {
    Objects.requireNonNull(topic, "topic");
  }

  /** A topic that keeps every message. */
  public TopicPlan(String topic, String avroSchema) {
    this(topic, avroSchema, false);
  }
}
