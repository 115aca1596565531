package dev.gyre.core.plan;

import dev.gyre.api.Model;
import dev.gyre.core.enrich.ReferenceTables;
import dev.gyre.core.serving.ModelRouter;
import dev.gyre.spec.PipelineSpec;
import java.util.List;
import java.util.Map;

/**
 * A pipeline ready to run: its topics in creation order, its stages in data-flow order, the
 * models they loaded, per score stage the {@link ModelRouter} all its instances share (a
 * runtime swaps models through it), and the reference tables of {@code enrich} entries, which a
 * runtime binds before the stages receive events. Closing the plan closes the models it loaded.
 */
public record PipelinePlan(PipelineSpec spec, List<TopicPlan> topics, List<StagePlan> stages, List<Model> models,
    Map<String, ModelRouter> routers, ReferenceTables referenceTables) implements AutoCloseable {
  public PipelinePlan {
    topics = List.copyOf(topics);
    stages = List.copyOf(stages);
    models = List.copyOf(models);
    routers = Map.copyOf(routers);
    java.util.Objects.requireNonNull(referenceTables, "referenceTables");
  }

  /** A plan without reference tables. */
  public PipelinePlan(PipelineSpec spec, List<TopicPlan> topics, List<StagePlan> stages, List<Model> models,
      Map<String, ModelRouter> routers) {
    this(spec, topics, stages, models, routers, ReferenceTables.none());
  }

  public StagePlan stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no stage named '" + name + "'"));
  }

  /**
   * The subscription a stage reads its input through, whatever runs it (Gyre's stage host or a
   * Pulsar Function), so that a pipeline moves between runtimes without reprocessing.
   */
  public String subscription(StagePlan stage) {
    return "gyre-" + spec.name() + "-" + stage.name();
  }

  /**
   * The compacted changelog of a stateful stage's per-key state: its output topic with
   * {@code -state} appended, keyed by the entity key.
   */
  public static String stateTopic(String outputTopic) {
    return outputTopic + "-state";
  }

  /** The topic the last stage writes. */
  public String finalTopic() {
    return stages.get(stages.size() - 1).outputTopic();
  }

  @Override
  public void close() {
    models.forEach(Model::close);
  }
}
