package dev.gyre.pulsar;

import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.StagePlan;
import dev.gyre.pulsar.internal.JsonBytesSchema;
import dev.gyre.spec.ErrorPolicy;
import dev.gyre.spec.RuntimeSpec;
import dev.gyre.spec.TopicName;
import java.util.Objects;
import org.apache.pulsar.common.schema.SchemaInfo;

/**
 * Where one stage instance reads and writes on Pulsar.
 *
 * @param pipeline        the pipeline's name
 * @param stage           the stage's name
 * @param instance        index among the stage's parallel instances
 * @param inputTopic      the topic read, through a Key_Shared subscription
 * @param subscription    the subscription name, shared by all instances of the stage
 * @param outputTopic     where outputs go
 * @param outputSchema    the output topic's schema
 * @param deadLetterTopic where rejected inputs go, unchanged, with the reason in properties
 * @param onError         what a rejected input does to the stage
 * @param runtime         batching and flow-control settings
 * @param fromLatest      whether a subscription that does not exist yet starts at the input's end
 *                        (shadow scoring) rather than its beginning (the pipeline's stages)
 * @param stateTopic      the compacted changelog of a stateful stage's per-key state, or null
 * @param lateTopic       where events too late for a window stage go, or null for the dead-letter topic
 */
public record StageBinding(String pipeline, String stage, int instance, String inputTopic, String subscription,
    String outputTopic, SchemaInfo outputSchema, String deadLetterTopic, ErrorPolicy onError, RuntimeSpec runtime,
    boolean fromLatest, String stateTopic, String lateTopic) {
  public StageBinding {
    Objects.requireNonNull(inputTopic, "inputTopic");
    Objects.requireNonNull(outputTopic, "outputTopic");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    Objects.requireNonNull(runtime, "runtime");
  }

  /** The suffix of a shadow's stage name, subscription, output topic ({@code <output>-shadow}). */
  public static final String SHADOW = "-shadow";

  /**
   * Where the shadow of a score stage reads and writes: the stage's input, on a subscription of its
   * own that starts at the input's end, into {@code <output>-shadow} (dead letters into
   * {@code <output>-shadow-dlq}), with the stage's output schema. A shadow never stops on a bad event.
   */
  public static StageBinding shadowOf(PipelinePlan plan, StagePlan stage) {
    String output = stage.outputTopic() + SHADOW;
    return new StageBinding(plan.spec().name(), stage.name() + SHADOW, 0, stage.inputTopic(),
        plan.subscription(stage) + SHADOW, output,
        JsonBytesSchema.info(TopicName.parse(output).local(), stage.outputSchema()), output + "-dlq",
        ErrorPolicy.DEAD_LETTER, plan.spec().runtime(), true, null, null);
  }
}
