package dev.gyre.learn.drift;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches one model's error stream for concept drift: feed it each joined label (wrong or right, or a
 * regression error), and it turns a detection into a {@link DriftAlert} on subject {@value DriftAlert#ERROR}.
 * Only a rise of the error alerts: a two-sided detector such as ADWIN also detects a fall (the model
 * got better, such as after retraining), which adapts its window but raises no alert. Not thread-safe.
 */
public final class ErrorDriftMonitor {
  private final ConceptDriftDetector detector;
  private final Clock clock;
  private long observations;

  /** @param detector such as {@code new Adwin(0.002)}; owned by this monitor from now on */
  public ErrorDriftMonitor(ConceptDriftDetector detector, Clock clock) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds whether the latest labelled prediction was wrong. */
  public Optional<DriftAlert> addError(boolean wrong) {
    return add(wrong ? 1 : 0);
  }

  /** Adds the latest error (1/0 for a classifier, an absolute error for a regressor). */
  public Optional<DriftAlert> add(double error) {
    observations++;
    if (!detector.add(error) || !detector.increased()) {
      return Optional.empty();
    }
    return Optional.of(new DriftAlert(detector.kind(), DriftAlert.ERROR, detector.statistic(), detector.threshold(),
        clock.instant(), observations));
  }

  /** Values added so far. */
  public long observations() {
    return observations;
  }
}
