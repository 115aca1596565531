package dev.gyre.remote.internal;

import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of the {@code kserve-v2} format, parsed from {@link ModelDescriptor#options()} as
 * {@code dev.gyre.spec.RemoteSpec#options()} writes them. Every option has a default.
 *
 * @param fallback the prediction a finally failed call returns, or {@code null} to throw
 * @param labels   class labels in column order, or empty to take them from the server
 */
public record RemoteOptions(Duration timeout, int retries, Duration backoff, int maxConcurrency,
    int circuitFailures, Duration circuitCoolDown, Prediction fallback, List<String> labels) {

  private static final Set<String> KNOWN = Set.of("timeout", "retries", "backoff", "maxConcurrency",
      "circuitFailures", "circuitCoolDown", "fallback", "fallbackLabel", "fallbackProbability", "labels");

  /** Parses and checks the options; an unknown name or a bad value fails the load. */
  public static RemoteOptions of(ModelDescriptor d) {
    Map<String, String> o = d.options();
    Set<String> unknown = new TreeSet<>(o.keySet());
    unknown.removeAll(KNOWN);
    if (!unknown.isEmpty()) {
      throw fail(d, "has unknown option(s) " + unknown + "; use only " + new TreeSet<>(KNOWN));
    }
    Duration timeout = duration(d, "timeout", Duration.ofSeconds(1), false);
    int retries = integer(d, "retries", 2, 0);
    Duration backoff = duration(d, "backoff", Duration.ofMillis(50), true);
    int maxConcurrency = integer(d, "maxConcurrency", 4, 1);
    int circuitFailures = integer(d, "circuitFailures", 5, 1);
    Duration coolDown = duration(d, "circuitCoolDown", Duration.ofSeconds(5), true);
    String mode = o.getOrDefault("fallback", "dead-letter");
    Prediction fallback = null;
    if (mode.equals("value")) {
      String label = o.get("fallbackLabel");
      double probability = Double.parseDouble(o.getOrDefault("fallbackProbability", "0"));
      if (label == null || !Double.isFinite(probability)) {
        throw fail(d, "has fallback 'value' without fallbackLabel or with a probability that is not finite");
      }
      fallback = new Prediction(label, probability, Prediction.FALLBACK);
    } else if (!mode.equals("dead-letter")) {
      throw fail(d, "has fallback '" + mode + "'; use dead-letter or value");
    }
    String labels = o.get("labels");
    List<String> labelList = labels == null ? List.of() : Arrays.stream(labels.split(",", -1)).map(String::trim).toList();
    return new RemoteOptions(timeout, retries, backoff, maxConcurrency, circuitFailures, coolDown, fallback, labelList);
  }

  private static Duration duration(ModelDescriptor d, String name, Duration fallback, boolean zeroAllowed) {
    String text = d.options().get(name);
    if (text == null) {
      return fallback;
    }
    try {
      Duration value = Duration.parse(text);
      if (!value.isNegative() && (zeroAllowed || !value.isZero())) {
        return value;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw fail(d, "has option " + name + " '" + text + "', which is not a " + (zeroAllowed ? "" : "positive ")
        + "ISO-8601 duration such as PT0.5S");
  }

  private static int integer(ModelDescriptor d, String name, int fallback, int min) {
    String text = d.options().get(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw fail(d, "has option " + name + " '" + text + "', which is not a whole number of at least " + min);
  }

  private static ModelException fail(ModelDescriptor d, String what) {
    return new ModelException("model '" + d.name() + "' at " + d.url() + " " + what);
  }
}
