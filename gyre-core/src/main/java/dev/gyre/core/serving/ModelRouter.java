package dev.gyre.core.serving;

import dev.gyre.api.Model;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Routes each event to the model that scores it: the champion, or, for a fixed share of keys, a
 * canary. The choice is sticky by key (a key's bucket is a hash of the key), so an entity sees one
 * model throughout a canary. Thread-safe; every change replaces the whole {@link Routing} at once.
 *
 * <p>The router does not close models it stops routing to: predictions may still be running on
 * them in other threads. Whoever swaps them closes the old one after a grace period.
 */
public final class ModelRouter {
  /** Buckets a key falls into; a canary share of 0.05 routes buckets 0 to 499. */
  static final int BUCKETS = 10_000;

  /**
   * One routing state.
   *
   * @param champion    serves every key not in the canary share; never null
   * @param canary      serves the canary share, or {@code null} for none
   * @param canaryShare the share of keys the canary serves, in [0, 1]
   */
  public record Routing(Model champion, Model canary, double canaryShare) {
    public Routing {
      Objects.requireNonNull(champion, "champion");
      if (canaryShare < 0 || canaryShare > 1 || Double.isNaN(canaryShare)) {
        throw new IllegalArgumentException("canaryShare must be in [0, 1] but was " + canaryShare);
      }
    }
  }

  private final AtomicReference<Routing> routing;

  public ModelRouter(Model champion) {
    this.routing = new AtomicReference<>(new Routing(champion, null, 0));
  }

  /** The model for an event with this key; events without a key go to the champion. */
  public Model modelFor(String key) {
    Routing now = routing.get();
    if (now.canary() != null && key != null && bucket(key) < now.canaryShare() * BUCKETS) {
      return now.canary();
    }
    return now.champion();
  }

  public Routing routing() {
    return routing.get();
  }

  /** Applies a change atomically and returns the routing it replaced. */
  public Routing update(UnaryOperator<Routing> change) {
    return routing.getAndUpdate(change);
  }

  /** Makes {@code model} the champion, keeping any canary; returns the routing it replaced. */
  public Routing promote(Model model) {
    return update(r -> new Routing(model, r.canary(), r.canaryShare()));
  }

  /** Routes {@code share} of the keys to {@code canary} (or none, with {@code null}). */
  public Routing canary(Model canary, double share) {
    return update(r -> new Routing(r.champion(), canary, canary == null ? 0 : share));
  }

  /** The bucket of a key, in [0, {@link #BUCKETS}): FNV-1a over the key's UTF-8 bytes. */
  static int bucket(String key) {
    int hash = 0x811c9dc5;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return Math.floorMod(hash, BUCKETS);
  }
}
