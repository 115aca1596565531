package dev.gyre.spec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A loaded spec together with where each of its YAML paths sits in the file, so that checks made
 * after loading (formulas, model inputs) can report problems at the right line:
 *
 * <pre>{@code
 * SpecDocument doc = SpecLoader.load(Path.of("examples/sensor/pipeline.yaml"));
 * SpecProblem p = doc.locations().problem("stages[0].features[1]", "refers to 'tmp'; did you mean 'temp'?");
 * }</pre>
 *
 * @param spec      the spec
 * @param file      the file it was read from, or {@code null} when it was parsed from a string
 * @param locations the YAML paths and their lines; {@link SpecLocations#empty()} for a spec built in code
 */
public record SpecDocument(PipelineSpec spec, Path file, SpecLocations locations) {
  public SpecDocument {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(locations, "locations");
  }
}
