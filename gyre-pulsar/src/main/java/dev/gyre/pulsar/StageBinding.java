package dev.gyre.pulsar;

import dev.gyre.spec.ErrorPolicy;
import dev.gyre.spec.RuntimeSpec;
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
 */
public record StageBinding(String pipeline, String stage, int instance, String inputTopic, String subscription,
    String outputTopic, SchemaInfo outputSchema, String deadLetterTopic, ErrorPolicy onError, RuntimeSpec runtime) {
  public StageBinding {
    Objects.requireNonNull(inputTopic, "inputTopic");
    Objects.requireNonNull(outputTopic, "outputTopic");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    Objects.requireNonNull(runtime, "runtime");
  }
}
