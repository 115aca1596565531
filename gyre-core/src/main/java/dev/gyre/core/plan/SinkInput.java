package dev.gyre.core.plan;

import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.util.List;
import java.util.Objects;

/**
 * What a sink reads: its input topic and the fields of the events there. A dead-letter topic holds
 * payloads that failed a stage, often not even JSON, so a sink reading one sees each dead letter as
 * the event {@link #DEAD_LETTER_FIELDS}: the payload as text, and why and where it was rejected.
 *
 * @param topic       the input topic
 * @param fields      the fields of its events, in schema order
 * @param deadLetters whether the topic is a stage's dead-letter topic
 */
public record SinkInput(String topic, List<FieldSpec> fields, boolean deadLetters) {
  /** The fields of a dead letter as a sink sees it, filled from the message and its properties. */
  public static final List<FieldSpec> DEAD_LETTER_FIELDS = List.of(
      new FieldSpec("payload", FieldType.STRING, true),
      new FieldSpec("stage", FieldType.STRING, false),
      new FieldSpec("reason", FieldType.STRING, false),
      new FieldSpec("detail", FieldType.STRING, false),
      new FieldSpec("source_topic", FieldType.STRING, false));

  public SinkInput {
    Objects.requireNonNull(topic, "topic");
    fields = List.copyOf(fields);
  }

  /**
   * The input of a sink reading {@code topic} in {@code plan}.
   *
   * @throws IllegalArgumentException when the topic is not the source, an output or a dead-letter
   *     topic of the plan's stages
   */
  public static SinkInput of(PipelinePlan plan, String topic) {
    for (StagePlan stage : plan.stages()) {
      if (stage.inputTopic().equals(topic) && topic.equals(plan.spec().source().topic())) {
        return new SinkInput(topic, stage.inputFields(), false);
      }
      if (stage.outputTopic().equals(topic)) {
        return new SinkInput(topic, stage.outputFields(), false);
      }
      if (stage.deadLetterTopic().equals(topic)) {
        return new SinkInput(topic, DEAD_LETTER_FIELDS, true);
      }
    }
    throw new IllegalArgumentException("'" + topic + "' is not a topic of pipeline '" + plan.spec().name() + "'");
  }
}
