package dev.gyre.core.plan;

import java.util.Objects;

/**
 * A topic the pipeline needs.
 *
 * @param topic      the full topic name
 * @param avroSchema the Avro record definition of its JSON schema, or {@code null} for raw bytes
 *                   (dead-letter and feedback topics)
 */
public record TopicPlan(String topic, String avroSchema) {
  public TopicPlan {
    Objects.requireNonNull(topic, "topic");
  }
}
