package dev.gyre.spec;

import java.util.List;

/**
 * A stage that adds computed features to each event. Features are evaluated in order, so a
 * feature may use the ones before it.
 *
 * @param features the features to compute, at least one, names unique
 * @see StageSpec for the other components
 */
public record FeatureStageSpec(
    String name,
    String output,
    String deadLetterTopic,
    int parallelism,
    ErrorPolicy onError,
    List<FeatureSpec> features)
    implements StageSpec {

  public FeatureStageSpec {
    StageChecks.check(name, output, deadLetterTopic, parallelism, onError);
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("stage '" + name + "' needs at least one feature");
    }
    if (features.stream().map(FeatureSpec::name).distinct().count() != features.size()) {
      throw new IllegalArgumentException("stage '" + name + "' repeats a feature name: " + features);
    }
  }
}
