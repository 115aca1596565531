package dev.gyre.pulsar;

import dev.gyre.core.metrics.StageMetrics;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.StagePlan;
import dev.gyre.pulsar.internal.JsonBytesSchema;
import dev.gyre.spec.RuntimeSpec;
import dev.gyre.spec.TopicName;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;

/**
 * Runs a whole {@link PipelinePlan} in this process: provisions its topics, then starts
 * {@code parallelism} {@link StageRunner}s per stage on a shared Pulsar client. Stopping stops
 * every runner; nothing is lost, because each input is acknowledged only after its output is
 * persisted.
 */
public final class PipelineRunner implements AutoCloseable {
  private final PipelinePlan plan;
  private final PulsarClient client;
  private final Map<String, StageMetrics> metrics = new LinkedHashMap<>();
  private final List<StageRunner> runners = new ArrayList<>();
  private final Clock clock;
  private final MeterRegistry registry;

  public PipelineRunner(PipelinePlan plan, PulsarClient client, MeterRegistry registry, Clock clock) {
    this.plan = plan;
    this.client = client;
    this.registry = registry;
    this.clock = clock;
  }

  /** Creates missing topics and schemas, then starts every stage instance. */
  public void start(PulsarAdmin admin) {
    new TopicProvisioner(admin).provision(plan.topics());
    String pipeline = plan.spec().name();
    RuntimeSpec runtime = plan.spec().runtime();
    for (StagePlan stage : plan.stages()) {
      StageMetrics stageMetrics = new StageMetrics(registry, pipeline, stage.name());
      metrics.put(stage.name(), stageMetrics);
      for (int instance = 0; instance < stage.parallelism(); instance++) {
        StageBinding binding = new StageBinding(pipeline, stage.name(), instance, stage.inputTopic(),
            plan.subscription(stage), stage.outputTopic(),
            JsonBytesSchema.info(TopicName.parse(stage.outputTopic()).local(), stage.outputSchema()),
            stage.deadLetterTopic(), stage.onError(), runtime);
        StageRunner runner = new StageRunner(client, binding, stage.factory().get(), stageMetrics, clock);
        runner.start();
        runners.add(runner);
      }
    }
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
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
