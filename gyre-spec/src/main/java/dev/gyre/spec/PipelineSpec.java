package dev.gyre.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A whole pipeline: where events come from, the stages that turn them into predictions, and where
 * feedback arrives. Immutable; build one with {@link SpecLoader} or directly in code.
 *
 * @param name        the pipeline's name, {@code [a-z0-9][a-z0-9-]*}; used in subscription names
 * @param description free text for people, or {@code null}
 * @param keyField    the source field whose value keys events (per-key order), or {@code null} when
 *                    events are not keyed
 * @param source      the input topic and its schema
 * @param stages      the stages in order, at least one; each reads the previous stage's output and
 *                    the first reads {@code source.topic()}
 * @param feedback    where labelled outcomes arrive, or {@code null}
 * @param runtime     client tuning; {@link RuntimeSpec#defaults()} when the spec has none
 * @param sinks       where events land outside Pulsar (PostgreSQL, webhooks); empty when none,
 *                    names unique among stages and sinks
 */
public record PipelineSpec(
    String name,
    String description,
    String keyField,
    SourceSpec source,
    List<StageSpec> stages,
    FeedbackSpec feedback,
    RuntimeSpec runtime,
    List<SinkSpec> sinks) {

  public PipelineSpec {
    StageChecks.checkName(name, "pipeline");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(runtime, "runtime");
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one stage");
    }
    sinks = List.copyOf(sinks);
    Set<String> names = new HashSet<>();
    stages.forEach(s -> names.add(s.name()));
    for (SinkSpec sink : sinks) {
      if (!names.add(sink.name())) {
        throw new IllegalArgumentException("sink name '" + sink.name() + "' is also the name of a stage or sink");
      }
    }
  }

  /** A pipeline without sinks. */
  public PipelineSpec(String name, String description, String keyField, SourceSpec source, List<StageSpec> stages,
      FeedbackSpec feedback, RuntimeSpec runtime) {
    this(name, description, keyField, source, stages, feedback, runtime, List.of());
  }

  /** The topic the stage at {@code index} reads: the source topic or the previous stage's output. */
  public String inputOf(int index) {
    return index == 0 ? source.topic() : stages.get(index - 1).output();
  }
}
