package dev.gyre.spec;

import dev.gyre.spec.internal.WindowDurations;
import java.time.Duration;
import java.util.Objects;

/**
 * One aggregate of a {@code windows} block, written in YAML as
 * {@code name = function(field) [over SIZE [every STEP | tumbling]]}, such as
 * {@code amount_mean_24h = mean(amount) over 24h}.
 *
 * <p>A sliding window of {@code size} is kept as {@code size / step} buckets of {@code step}, aligned
 * to the epoch: for an event at time t it covers the bucket holding t and the buckets before it, so
 * {@code [t - size, t]} at bucket granularity. A tumbling window is one bucket of {@code size}
 * ({@code step == size}): the UTC-aligned period holding t. Without {@code over}, the aggregate
 * covers the key's whole history.
 *
 * @param name     the aggregate's name, an identifier, as formulas and later stages refer to it
 * @param function what is computed
 * @param field    the field it reads, or null for functions that take none
 * @param size     the window's length, or null for the key's whole history
 * @param step     the bucket width; null exactly when {@code size} is; divides {@code size}
 * @param tumbling whether the window is tumbling (then {@code step == size})
 */
public record AggregateSpec(String name, AggregateFunction function, String field, Duration size, Duration step,
    boolean tumbling) {
  public AggregateSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(function, "function");
    if ((function.argument() == AggregateFunction.Argument.NONE) != (field == null)) {
      throw new IllegalArgumentException(function.yamlName() + " takes " + function.argument() + ", not " + field);
    }
    if ((size == null) != (step == null) || (size != null && !function.windowed())) {
      throw new IllegalArgumentException("bad window for " + name + ": size " + size + ", step " + step);
    }
    if (size != null && (step.toMillis() < 1 || size.toMillis() % step.toMillis() != 0 || size.compareTo(step) < 0
        || (tumbling && !size.equals(step)))) {
      throw new IllegalArgumentException("the step " + step + " must divide the size " + size + " of " + name);
    }
  }

  /** How many buckets the window keeps: 1 for tumbling windows and the whole history. */
  public int buckets() {
    return size == null ? 1 : Math.toIntExact(size.toMillis() / step.toMillis());
  }

  /** The aggregate as written in YAML. */
  @Override
  public String toString() {
    String call = name + " = " + function.yamlName() + "(" + (field == null ? "" : field) + ")";
    if (size == null) {
      return call;
    }
    String over = call + " over " + WindowDurations.show(size);
    return tumbling ? over + " tumbling" : over + " every " + WindowDurations.show(step);
  }
}
