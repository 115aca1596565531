package dev.gyre.learn.drift;

import dev.gyre.learn.internal.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * A drift detector fired. Published as an event ({@link #toJson()}); a retraining trigger listens.
 *
 * @param kind      which test fired
 * @param subject   the feature's name, or {@value #ERROR} for concept drift on the error stream
 * @param statistic the test's value when it fired (PSI; KS distance; ADWIN's mean difference; Page-Hinkley's
 *                  cumulative deviation)
 * @param threshold the value the statistic exceeded
 * @param at        when it fired (the injected clock)
 * @param observations how many observations the detector had seen when it fired (rows or labels)
 */
public record DriftAlert(Kind kind, String subject, double statistic, double threshold, Instant at, long observations) {
  /** The subject of concept-drift alerts. */
  public static final String ERROR = "error";

  /** The drift tests. */
  public enum Kind {
    /** Population stability index of a feature's binned distribution. */
    PSI,
    /** Two-sample Kolmogorov-Smirnov distance of a feature. */
    KS,
    /** ADWIN found two sub-windows of the error stream with different means. */
    ADWIN,
    /** The Page-Hinkley test found the error stream's mean went up. */
    PAGE_HINKLEY
  }

  public DriftAlert {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(at, "at");
  }

  /** This alert as a JSON object. */
  public String toJson() {
    return Json.write(this);
  }

  /** Reads an alert written by {@link #toJson()}; IllegalArgumentException if it is not one. */
  public static DriftAlert fromJson(String json) {
    return Json.read(json, DriftAlert.class);
  }
}
