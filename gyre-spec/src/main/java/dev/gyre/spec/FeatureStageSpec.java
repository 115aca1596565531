package dev.gyre.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A stage that adds computed features to each event. Reference fields ({@code enrich}), if any, are
 * added first; then window aggregates are computed; then features are evaluated in order, so a feature
 * may use the reference fields, the aggregates and the features before it.
 *
 * @param features the features to compute, names unique; at least one unless there are windows or enrich
 * @param windows  the per-key window aggregates, or null when the stage has none
 * @param enrich   the reference tables to join, in order; empty when none
 * @see StageSpec for the other components
 */
public record FeatureStageSpec(
    String name,
    String output,
    String deadLetterTopic,
    int parallelism,
    ErrorPolicy onError,
    List<FeatureSpec> features,
    WindowSpec windows,
    List<EnrichSpec> enrich)
    implements StageSpec {

  public FeatureStageSpec {
    StageChecks.check(name, output, deadLetterTopic, parallelism, onError);
    features = List.copyOf(features);
    enrich = List.copyOf(enrich);
    if (features.isEmpty() && windows == null && enrich.isEmpty()) {
      throw new IllegalArgumentException("stage '" + name + "' needs at least one feature");
    }
    List<String> names = new ArrayList<>(features.stream().map(FeatureSpec::name).toList());
    if (windows != null) {
      windows.aggregates().forEach(a -> names.add(a.name()));
    }
    enrich.forEach(e -> names.addAll(e.outputNames()));
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("stage '" + name + "' repeats a feature name: " + names);
    }
  }

  /** A stage with features only, no windows. */
  public FeatureStageSpec(String name, String output, String deadLetterTopic, int parallelism, ErrorPolicy onError,
      List<FeatureSpec> features) {
    this(name, output, deadLetterTopic, parallelism, onError, features, null, List.of());
  }

  /** A stage with features and windows, no enrichment. */
  public FeatureStageSpec(String name, String output, String deadLetterTopic, int parallelism, ErrorPolicy onError,
      List<FeatureSpec> features, WindowSpec windows) {
    this(name, output, deadLetterTopic, parallelism, onError, features, windows, List.of());
  }
}
