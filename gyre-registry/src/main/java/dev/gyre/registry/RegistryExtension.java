package dev.gyre.registry;

import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.serving.ModelRouter;
import dev.gyre.pulsar.PipelineExtension;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.StageSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;

/**
 * Starts a {@link RegistryWatcher} for each score stage whose spec names a {@code model.registry},
 * when a {@link dev.gyre.pulsar.PipelineRunner} starts the pipeline; found through
 * {@link java.util.ServiceLoader}. Models load with the providers on the class path
 * ({@link ModelLoader#serviceLoader()}) into {@link ModelCache#defaultDirectory()}; a replaced
 * model closes {@value #GRACE_SECONDS} s after the swap.
 */
public final class RegistryExtension implements PipelineExtension {
  static final int GRACE_SECONDS = 10;

  /** Called by {@link java.util.ServiceLoader}. */
  public RegistryExtension() {}

  @Override
  public AutoCloseable start(PipelinePlan plan, PulsarClient client, PulsarAdmin admin, MeterRegistry metrics) {
    Map<String, ModelRegistry> registries = new LinkedHashMap<>();
    List<RegistryWatcher> watchers = new ArrayList<>();
    AutoCloseable stop = () -> {
      watchers.forEach(RegistryWatcher::close);
      registries.values().forEach(ModelRegistry::close);
    };
    try {
      ModelLoader loader = ModelLoader.serviceLoader();
      ModelCache cache = new ModelCache(ModelCache.defaultDirectory());
      for (StageSpec stage : plan.spec().stages()) {
        ModelRouter router = plan.routers().get(stage.name());
        if (!(stage instanceof ScoreStageSpec score) || score.model().registry() == null || router == null) {
          continue;
        }
        Names.check("model.name", score.model().name());
        ModelRegistry registry = registries.computeIfAbsent(score.model().registry(),
            ns -> ModelRegistry.open(client, admin, ns, Clock.systemUTC()));
        RegistryWatcher watcher = new RegistryWatcher(registry, plan.spec().name(), stage.name(), score.model(),
            router, loader, cache, metrics, Duration.ofSeconds(GRACE_SECONDS));
        plan.stages().stream().filter(s -> s.name().equals(stage.name())).findFirst()
            .ifPresent(planned -> watcher.shadowWith(new ShadowScoring(client, plan, planned, metrics)));
        watchers.add(watcher);
        watcher.start();
      }
      return stop;
    } catch (RuntimeException e) {
      try {
        stop.close();
      } catch (Exception ignored) {
        // already failing
      }
      throw e;
    }
  }
}
