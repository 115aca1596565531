package dev.gyre.spec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a score stage calls a remote model server ({@code format: kserve-v2}): the {@code remote}
 * section of a model. Every value has a default, listed in {@code docs/spec-reference.md}.
 *
 * @param timeout             how long one call may take, more than zero
 * @param retries             how many times a failed call is tried again (connection errors, 5xx,
 *                            timeouts only), zero or more
 * @param backoff             the wait before the first retry; each further retry waits twice as
 *                            long, with jitter
 * @param maxConcurrency      how many calls may be in flight at once, over all instances; at least 1
 * @param circuitFailures     how many failed attempts in a row open the circuit; at least 1
 * @param circuitCoolDown     how long an open circuit refuses calls before one probe is let through
 * @param fallback            what a call that finally fails returns, or {@code null} to dead-letter
 *                            its events with reason {@code model-error}
 * @param labels              class labels in output column order; empty to take them from the
 *                            server's model metadata, or to number them
 */
public record RemoteSpec(Duration timeout, int retries, Duration backoff, int maxConcurrency,
    int circuitFailures, Duration circuitCoolDown, Fallback fallback, List<String> labels) {

  /**
   * The prediction returned for an event the server could not score. It carries the version
   * {@code fallback}, so the output's {@code model_version} shows it.
   *
   * @param label       the label written as {@code prediction}
   * @param probability the value written as {@code probability}, finite
   */
  public record Fallback(String label, double probability) {
    public Fallback {
      Objects.requireNonNull(label, "label");
      if (!Double.isFinite(probability)) {
        throw new IllegalArgumentException("fallback probability must be finite, was " + probability);
      }
    }
  }

  public RemoteSpec {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(circuitCoolDown, "circuitCoolDown");
    if (timeout.isNegative() || timeout.isZero() || backoff.isNegative() || circuitCoolDown.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, backoff and coolDown not negative, were "
          + timeout + ", " + backoff + ", " + circuitCoolDown);
    }
    if (retries < 0 || maxConcurrency < 1 || circuitFailures < 1) {
      throw new IllegalArgumentException("retries must be >= 0, maxConcurrency and failures >= 1, were "
          + retries + ", " + maxConcurrency + ", " + circuitFailures);
    }
    labels = List.copyOf(labels);
  }

  /**
   * These settings as {@link dev.gyre.api.ModelDescriptor#options()} of the {@code kserve-v2} model
   * provider: {@code timeout}, {@code backoff} and {@code circuitCoolDown} as ISO-8601 durations
   * ({@code PT1S}); {@code retries}, {@code maxConcurrency} and {@code circuitFailures} as numbers;
   * {@code fallback} as {@code dead-letter} or {@code value} with {@code fallbackLabel} and
   * {@code fallbackProbability}; {@code labels} comma-separated, when given.
   */
  public Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("timeout", timeout.toString());
    options.put("retries", Integer.toString(retries));
    options.put("backoff", backoff.toString());
    options.put("maxConcurrency", Integer.toString(maxConcurrency));
    options.put("circuitFailures", Integer.toString(circuitFailures));
    options.put("circuitCoolDown", circuitCoolDown.toString());
    options.put("fallback", fallback == null ? "dead-letter" : "value");
    if (fallback != null) {
      options.put("fallbackLabel", fallback.label());
      options.put("fallbackProbability", Double.toString(fallback.probability()));
    }
    if (!labels.isEmpty()) {
      options.put("labels", String.join(",", labels));
    }
    return options;
  }
}
