package dev.gyre.spec;

import java.util.Objects;

/**
 * A stage that scores each event with a model and writes the prediction.
 *
 * @param model the model to serve
 * @see StageSpec for the other components
 */
public record ScoreStageSpec(
    String name,
    String output,
    String deadLetterTopic,
    int parallelism,
    ErrorPolicy onError,
    ModelSpec model)
    implements StageSpec {

  public ScoreStageSpec {
    StageChecks.check(name, output, deadLetterTopic, parallelism, onError);
    Objects.requireNonNull(model, "model");
  }
}
