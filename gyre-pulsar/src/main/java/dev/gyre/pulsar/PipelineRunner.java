package dev.gyre.pulsar;

import dev.gyre.api.StageException;
import dev.gyre.core.metrics.StageMetrics;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.StagePlan;
import dev.gyre.pulsar.internal.JsonBytesSchema;
import dev.gyre.spec.FeatureStageSpec;
import dev.gyre.spec.RuntimeSpec;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.TopicName;
import dev.gyre.spec.WindowSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;

/**
 * Runs a whole {@link PipelinePlan} in this process: provisions its topics, loads its reference
 * tables ({@link ReferenceTableViews}), starts the
 * {@link PipelineExtension}s found on the class path (such as the model registry's watchers), then
 * starts {@code parallelism} {@link StageRunner}s per stage on a shared Pulsar client. Stopping stops
 * every runner, then the extensions; nothing is lost, because each input is acknowledged only after
 * its output is persisted.
 */
public final class PipelineRunner implements AutoCloseable {
  private final PipelinePlan plan;
  private final PulsarClient client;
  private final Map<String, StageMetrics> metrics = new LinkedHashMap<>();
  private final List<StageRunner> runners = new ArrayList<>();
  private final List<AutoCloseable> extensions = new ArrayList<>();
  private final Clock clock;
  private final MeterRegistry registry;
  /** The table views backing the plan's reference tables; null until started. */
  private ReferenceTableViews tables;

  public PipelineRunner(PipelinePlan plan, PulsarClient client, MeterRegistry registry, Clock clock) {
    this.plan = plan;
    this.client = client;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Creates missing topics and schemas, starts the extensions, then starts every stage instance.
   *
   * @throws StageException when the spec names a model registry and no extension serves it
   */
  public void start(PulsarAdmin admin) {
    new TopicProvisioner(admin).provision(plan.topics());
    tables = ReferenceTableViews.open(client, plan.referenceTables());
    try {
      startExtensions(admin);
    } catch (RuntimeException e) {
      tables.close();
      throw e;
    }
    String pipeline = plan.spec().name();
    RuntimeSpec runtime = plan.spec().runtime();
    for (StagePlan stage : plan.stages()) {
      StageMetrics stageMetrics = new StageMetrics(registry, pipeline, stage.name());
      metrics.put(stage.name(), stageMetrics);
      for (int instance = 0; instance < stage.parallelism(); instance++) {
        StageBinding binding = new StageBinding(pipeline, stage.name(), instance, stage.inputTopic(),
            plan.subscription(stage), stage.outputTopic(),
            JsonBytesSchema.info(TopicName.parse(stage.outputTopic()).local(), stage.outputSchema()),
            stage.deadLetterTopic(), stage.onError(), runtime, false, stateTopic(stage), lateTopic(stage));
        StageRunner runner = new StageRunner(client, binding, stage.factory().get(), stageMetrics, clock);
        runner.start();
        runners.add(runner);
      }
    }
  }

  /** The state changelog of a stage with windows, else null. */
  private String stateTopic(StagePlan stage) {
    return windows(stage) == null ? null : PipelinePlan.stateTopic(stage.outputTopic());
  }

  /** Where a window stage sends late events, if not to its dead-letter topic. */
  private String lateTopic(StagePlan stage) {
    WindowSpec windows = windows(stage);
    return windows == null ? null : windows.lateTopic();
  }

  private WindowSpec windows(StagePlan stage) {
    return plan.spec().stages().stream()
        .filter(s -> s.name().equals(stage.name()) && s instanceof FeatureStageSpec)
        .map(s -> ((FeatureStageSpec) s).windows()).filter(w -> w != null).findFirst().orElse(null);
  }

  private void startExtensions(PulsarAdmin admin) {
    List<PipelineExtension> found = new ArrayList<>();
    ServiceLoader.load(PipelineExtension.class).forEach(found::add);
    boolean wantsRegistry = plan.spec().stages().stream().anyMatch(s -> s instanceof ScoreStageSpec score
        && score.model().registry() != null);
    if (wantsRegistry && found.isEmpty()) {
      throw new StageException("the spec names a model registry (model.registry) but this Gyre has no registry"
          + " support on its class path; add the gyre-registry module, or remove model.registry", false);
    }
    try {
      for (PipelineExtension extension : found) {
        extensions.add(extension.start(plan, client, admin, registry));
      }
    } catch (RuntimeException e) {
      closeExtensions();
      throw e;
    }
  }

  private void closeExtensions() {
    for (AutoCloseable extension : extensions) {
      try {
        extension.close();
      } catch (Exception e) {
        // stopping anyway; the extension reports its own problems
      }
    }
    extensions.clear();
  }

  /** Metrics per stage name, in data-flow order. */
  public Map<String, StageMetrics> metrics() {
    return metrics;
  }

  /** The first error that stopped a stage instance, if any. */
  public Optional<Throwable> failure() {
    return runners.stream().map(StageRunner::failure).filter(f -> f != null).findFirst();
  }

  public void stop(Duration timeout) {
    for (StageRunner runner : runners) {
      runner.stop(timeout);
    }
    if (tables != null) {
      tables.close();
    }
    closeExtensions();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
