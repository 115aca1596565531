package dev.gyre.registry;

import dev.gyre.api.Model;
import dev.gyre.core.metrics.StageMetrics;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.StageFactories;
import dev.gyre.core.plan.StagePlan;
import dev.gyre.core.serving.ModelRouter;
import dev.gyre.pulsar.StageBinding;
import dev.gyre.pulsar.StageRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.pulsar.client.api.PulsarClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the shadow of one score stage: while the registry names a shadow version, a second instance
 * of the stage reads the same input on a subscription of its own ({@link StageBinding#shadowOf})
 * and writes the shadow's predictions to {@code <output>-shadow}. The serving stage is untouched:
 * the shadow has its own consumer, thread and producer, so it cannot slow or reorder the
 * champion's outputs, and its events count in the stage metrics as stage {@code <stage>-shadow}.
 *
 * <p>Called from the registry watcher's thread only.
 */
final class ShadowScoring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowScoring.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final PulsarClient client;
  private final PipelinePlan plan;
  private final StagePlan stage;
  private final MeterRegistry meters;
  private StageMetrics metrics;
  private ModelRouter router;
  private StageRunner runner;

  ShadowScoring(PulsarClient client, PipelinePlan plan, StagePlan stage, MeterRegistry meters) {
    this.client = client;
    this.plan = plan;
    this.stage = stage;
    this.meters = meters;
  }

  /** Scores with {@code model} from now on, or stops shadow scoring with {@code null}. */
  void serve(Model model) {
    if (model == null) {
      stop();
      return;
    }
    if (runner != null && runner.isRunning()) {
      if (router.routing().champion() != model) {
        router.promote(model);
        LOG.info("shadow of stage '{}' now scores with model '{}' version {}", stage.name(), model.name(),
            model.version());
      }
      return;
    }
    stop();
    StageBinding binding = StageBinding.shadowOf(plan, stage);
    if (metrics == null) {
      metrics = new StageMetrics(meters, plan.spec().name(), binding.stage());
    }
    router = new ModelRouter(model);
    runner = new StageRunner(client, binding, StageFactories.score(plan, stage.name(), router), metrics,
        Clock.systemUTC());
    runner.start();
    LOG.info("shadow of stage '{}' scores with model '{}' version {} into {}", stage.name(), model.name(),
        model.version(), binding.outputTopic());
  }

  /** The model the shadow scores with, or {@code null} when there is no shadow. */
  Model model() {
    return runner == null ? null : router.routing().champion();
  }

  private void stop() {
    if (runner != null) {
      runner.stop(STOP_TIMEOUT);
      runner = null;
      router = null;
      LOG.info("shadow of stage '{}' stopped", stage.name());
    }
  }

  @Override
  public void close() {
    stop();
  }
}
