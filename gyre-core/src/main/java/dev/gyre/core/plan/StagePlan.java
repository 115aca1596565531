package dev.gyre.core.plan;

import dev.gyre.api.Stage;
import dev.gyre.spec.ErrorPolicy;
import dev.gyre.spec.FieldSpec;
import java.util.List;
import java.util.function.Supplier;

/**
 * One stage, ready to bind to a runtime.
 *
 * @param name            the stage's name
 * @param inputTopic      the topic it reads
 * @param outputTopic     the topic it writes
 * @param deadLetterTopic where it sends rejected inputs
 * @param inputFields     the fields it checks on every input
 * @param outputFields    the fields of its output (input fields plus its own)
 * @param outputSchema    the Avro definition of the output topic's JSON schema
 * @param parallelism     how many instances to run
 * @param onError         what a rejected input does
 * @param factory         creates one instance per stage thread
 */
public record StagePlan(String name, String inputTopic, String outputTopic, String deadLetterTopic,
    List<FieldSpec> inputFields, List<FieldSpec> outputFields, String outputSchema, int parallelism,
    ErrorPolicy onError, Supplier<Stage> factory) {
  public StagePlan {
    inputFields = List.copyOf(inputFields);
    outputFields = List.copyOf(outputFields);
  }
}
