package dev.gyre.spec;

import java.util.Objects;

/**
 * The topic a pipeline reads and the shape of its events.
 *
 * @param topic  the full topic name, checked with {@link TopicName#parse}
 * @param schema the events' schema
 */
public record SourceSpec(String topic, SchemaSpec schema) {
  public SourceSpec {
    TopicName.parse(Objects.requireNonNull(topic, "topic"));
    Objects.requireNonNull(schema, "schema");
  }
}
