package dev.gyre.registry;

import dev.gyre.api.GyreException;
import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.StageException;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.serving.ModelRouter;
import dev.gyre.registry.internal.CountingModel;
import dev.gyre.registry.internal.ServingMetrics;
import dev.gyre.spec.ModelSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one score stage's {@link ModelRouter} on the versions its registry channel names. When the
 * channel changes, the watcher fetches the versions it does not hold yet, checks them
 * ({@link ModelFiles}, then the model provider with the stage's inputs), and swaps them in with one
 * {@link ModelRouter#update}: every event is scored exactly once, by the old routing or the new.
 * A version that fails is logged and counted ({@code gyre.model.swaps{outcome=failed}}) and the
 * routing keeps what it had. A model no longer routed to is closed after a grace period, once the
 * predictions running on it have finished.
 *
 * <p>All work happens on the watcher's own thread. {@link #start} applies the current channel
 * before it returns, so a stage started afterwards serves the registry's champion from its first
 * event. Models the watcher did not load (the spec's {@code path} model) are never closed by it.
 */
public final class RegistryWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryWatcher.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final ModelRegistry registry;
  private final String stage;
  private final ModelSpec spec;
  private final ModelRouter router;
  private final ModelLoader loader;
  private final ModelCache cache;
  private final ServingMetrics metrics;
  private final Duration grace;
  private final long maxBytes;
  private final ScheduledThreadPoolExecutor thread;
  /** Models this watcher loaded and routes to, by version; touched on {@link #thread} only. */
  private final Map<String, Model> loaded = new HashMap<>();
  /** Models replaced and waiting for their grace period to end. */
  private final Set<Model> retiring = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  /** Runs the shadow version, if the channel names one; null when the watcher has no shadow support. */
  private ShadowScoring shadow;

  /**
   * @param registry the registry named by the stage's {@code model.registry}; the caller closes it
   * @param grace    how long a replaced model stays open for predictions still running on it
   */
  public RegistryWatcher(ModelRegistry registry, String pipeline, String stage, ModelSpec spec, ModelRouter router,
      ModelLoader loader, ModelCache cache, io.micrometer.core.instrument.MeterRegistry meters, Duration grace) {
    this.registry = registry;
    this.stage = stage;
    this.spec = spec;
    this.router = router;
    this.loader = loader;
    this.cache = cache;
    this.grace = grace;
    this.maxBytes = ModelFiles.DEFAULT_MAX_BYTES;
    this.metrics = new ServingMetrics(meters, router, pipeline, stage, spec.name());
    this.thread = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "gyre-registry-" + stage);
      t.setDaemon(true);
      return t;
    });
    this.thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Lets the channel's shadow version score into the shadow topic through {@code shadow}. Call before {@link #start}. */
  void shadowWith(ShadowScoring shadow) {
    this.shadow = shadow;
  }

  /** Starts following the channel, and returns once the current channel has been applied. */
  public void start() {
    Model initial = router.routing().champion();
    metrics.track(initial.version());
    // Counted like the registry's versions, but not closed by the watcher: the plan owns it.
    router.update(r -> new ModelRouter.Routing(new CountingModel(initial, metrics.predictions(initial.version()), false),
        r.canary(), r.canaryShare()));
    registry.listen((name, channel) -> {
      if (name.equals(spec.name()) && !closed) {
        try {
          thread.execute(this::apply);
        } catch (RejectedExecutionException stopping) {
          // closed meanwhile
        }
      }
    });
    try {
      thread.submit(this::apply).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StageException("interrupted while loading the registry's champion for stage '" + stage + "'", true, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new StageException("cannot apply the registry's channel for stage '" + stage + "': " + e, true, e);
    }
  }

  /** Brings the routing to the channel's latest state; keeps what serves for each version that fails. */
  private void apply() {
    if (closed) {
      return;
    }
    Channel channel = registry.channel(spec.name());
    ModelRouter.Routing now = router.routing();
    Model champion = now.champion();
    Model canary = now.canary();
    double share = now.canaryShare();
    // The spec's path model may carry the same version text as a registry version: the registry's wins.
    boolean fromRegistry = loaded.containsValue(champion);
    if (channel.champion() != null && (!fromRegistry || !channel.champion().equals(champion.version()))) {
      champion = obtain(channel.champion(), "champion", champion);
    }
    if (channel.canary() == null) {
      canary = null;
      share = 0;
    } else if (canary == null || !channel.canary().equals(canary.version())) {
      Model next = obtain(channel.canary(), "canary", null);
      canary = next != null ? next : canary;
      share = next != null ? channel.canaryShare() : share;
    } else {
      share = channel.canaryShare();
    }
    ModelRouter.Routing next = new ModelRouter.Routing(champion, canary, canary == null ? 0 : share);
    if (!next.equals(now)) {
      router.update(r -> next);
      LOG.info("stage '{}' serves model '{}' version {}{}", stage, spec.name(), champion.version(),
          canary == null ? "" : String.format(", canary version %s for %.1f%% of keys", canary.version(), share * 100));
    }
    Model shadowModel = null;
    if (shadow != null) {
      Model current = shadow.model();
      if (channel.shadow() != null) {
        shadowModel = current != null && channel.shadow().equals(current.version()) ? current
            : obtain(channel.shadow(), "shadow", current);
      }
      shadow.serve(shadowModel);
    }
    retireAllBut(champion, canary, shadowModel);
  }

  /** The loaded model of {@code version}, or {@code fallback} after reporting why it cannot serve. */
  private Model obtain(String version, String role, Model fallback) {
    Model model = loaded.get(version);
    if (model != null) {
      metrics.swapped(role, true);
      return model;
    }
    try {
      model = load(version);
      loaded.put(version, model);
      metrics.track(version);
      metrics.swapped(role, true);
      return model;
    } catch (GyreException | IllegalArgumentException e) {
      metrics.swapped(role, false);
      LOG.warn("stage '{}' keeps serving {}: model '{}' version {} cannot be the {}: {}", stage,
          fallback == null ? "without it" : "version " + fallback.version(), spec.name(), version, role, e.getMessage());
      return fallback;
    }
  }

  private Model load(String version) {
    ModelVersion record = registry.version(spec.name(), version).orElseGet(() -> {
      registry.refresh();
      return registry.version(spec.name(), version).orElseThrow(() -> new ModelException("model '" + spec.name()
          + "' has no version " + version + " in the registry " + registry.namespace()));
    });
    if (!record.inputs().isEmpty() && !record.inputs().equals(spec.inputs())) {
      throw new ModelException("model '" + spec.name() + "' version " + version + " takes the inputs "
          + record.inputs() + " but stage '" + stage + "' gives " + spec.inputs());
    }
    var file = cache.file(record, () -> registry.fetch(record, maxBytes), maxBytes);
    Model model = loader.load(new ModelDescriptor(record.name(), record.version(), record.format(), file,
        spec.inputs(), Map.of()));
    return new CountingModel(model, metrics.predictions(version), true);
  }

  /** Closes, after the grace period, every model this watcher loaded that is neither of these. */
  private void retireAllBut(Model champion, Model canary, Model shadowModel) {
    loaded.entrySet().removeIf(e -> {
      Model m = e.getValue();
      if (m == champion || m == canary || m == shadowModel) {
        return false;
      }
      retiring.add(m);
      thread.schedule(() -> {
        if (retiring.remove(m)) {
          m.close();
        }
      }, grace.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    });
  }

  /** Stops following the channel and closes the models it loaded. Call after the stage stopped. */
  @Override
  public void close() {
    closed = true;
    thread.shutdown();
    try {
      thread.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (shadow != null) {
      shadow.close();
    }
    loaded.values().forEach(Model::close);
    loaded.clear();
    retiring.forEach(Model::close);
    retiring.clear();
  }

  @Override
  public String toString() {
    return "RegistryWatcher[" + stage + " <- " + registry.namespace() + "/" + Objects.toString(spec.name()) + "]";
  }
}
