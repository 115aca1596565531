package dev.gyre.registry.internal;

import dev.gyre.core.serving.ModelRouter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one score stage that follows a registry, all tagged {@code pipeline, stage, model}:
 * <ul>
 *   <li>{@code gyre.model.swaps{role, outcome}}: changes applied ({@code ok}) or refused ({@code failed}),
 *       by the role the version was meant for ({@code champion}, {@code canary});
 *   <li>{@code gyre.model.serving{version, role}}: 1 while the version serves in that role, else 0;
 *   <li>{@code gyre.model.canary.share}: the share of keys the canary serves, 0 without one;
 *   <li>{@code gyre.model.predictions{version}}: predictions made by each version.
 * </ul>
 * Versions are few per stage, so the {@code version} tag stays low-cardinality.
 */
public final class ServingMetrics {
  public static final String SWAPS = "gyre.model.swaps";
  public static final String SERVING = "gyre.model.serving";
  public static final String CANARY_SHARE = "gyre.model.canary.share";
  public static final String PREDICTIONS = "gyre.model.predictions";

  private final MeterRegistry registry;
  private final ModelRouter router;
  private final String[] tags;
  private final Set<String> servingGauges = ConcurrentHashMap.newKeySet();

  public ServingMetrics(MeterRegistry registry, ModelRouter router, String pipeline, String stage, String model) {
    this.registry = registry;
    this.router = router;
    this.tags = new String[] {"pipeline", pipeline, "stage", stage, "model", model};
    Gauge.builder(CANARY_SHARE, router, r -> r.routing().canary() == null ? 0 : r.routing().canaryShare())
        .description("Share of keys the canary version serves").tags(tags).strongReference(true).register(registry);
  }

  public void swapped(String role, boolean ok) {
    Counter.builder(SWAPS).description("Model versions swapped in, or refused, by role and outcome").tags(tags)
        .tags("role", role, "outcome", ok ? "ok" : "failed").register(registry).increment();
  }

  /** Makes sure {@code gyre.model.serving} reports {@code version} in both roles. */
  public void track(String version) {
    if (servingGauges.add(version)) {
      Gauge.builder(SERVING, router, r -> version.equals(r.routing().champion().version()) ? 1 : 0)
          .description("1 while the version serves in the role").tags(tags).tags("version", version, "role", "champion")
          .strongReference(true).register(registry);
      Gauge.builder(SERVING, router, r -> r.routing().canary() != null
              && version.equals(r.routing().canary().version()) ? 1 : 0)
          .description("1 while the version serves in the role").tags(tags).tags("version", version, "role", "canary")
          .strongReference(true).register(registry);
    }
  }

  public Counter predictions(String version) {
    return Counter.builder(PREDICTIONS).description("Predictions made, by model version").tags(tags)
        .tags("version", version).register(registry);
  }
}
