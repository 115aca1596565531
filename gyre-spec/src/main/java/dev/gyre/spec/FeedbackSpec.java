package dev.gyre.spec;

import java.util.Objects;

/**
 * Where labelled outcomes arrive, to measure (and later improve) the model.
 *
 * @param topic the full topic name, checked with {@link TopicName#parse}
 */
public record FeedbackSpec(String topic) {
  public FeedbackSpec {
    TopicName.parse(Objects.requireNonNull(topic, "topic"));
  }
}
