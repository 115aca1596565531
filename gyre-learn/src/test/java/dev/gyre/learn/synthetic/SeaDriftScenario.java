package dev.gyre.learn.synthetic;

import dev.gyre.learn.drift.Adwin;
import dev.gyre.learn.drift.ErrorDriftMonitor;
import dev.gyre.learn.online.FtrlLearner;
import dev.gyre.learn.online.HoeffdingTreeLearner;
import dev.gyre.learn.online.OnlineLearner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * The demonstration stream, shared by the test and the benchmark: SEA (seed 42, 10% label noise) that
 * switches abruptly from concept 3 (θ = 7) to concept 4 (θ = 9.5) at example 20,000, 40,000 examples,
 * labels arriving 500 examples after their prediction, a snapshot served every 100 labels.
 */
public final class SeaDriftScenario {
  public static final long DRIFT_AT = 20_000;
  public static final long EXAMPLES = 40_000;
  public static final int LABEL_DELAY = 500;
  public static final int WINDOW = 1000;
  public static final int SNAPSHOT_EVERY = 100;
  static final List<String> INPUTS = List.of("x1", "x2", "x3");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC);

  private SeaDriftScenario() {}

  public static SeaGenerator stream() {
    return new SeaGenerator(42, 0.1, 3, 4, DRIFT_AT);
  }

  public static Supplier<OnlineLearner> tree() {
    return () -> new HoeffdingTreeLearner("sea", INPUTS, HoeffdingTreeLearner.Settings.defaults());
  }

  public static Supplier<OnlineLearner> ftrl() {
    return () -> new FtrlLearner("sea", INPUTS, "0", "1", new FtrlLearner.Settings(0.5, 1, 0, 1, 18));
  }

  /** Runs the scenario; {@code learnLabels} freezes the model, {@code retrain} starts afresh on a drift alert. */
  public static PrequentialReport run(Supplier<OnlineLearner> learner, long learnLabels, boolean retrain) {
    return Prequential.run(stream(), learner, new ErrorDriftMonitor(new Adwin(0.002), CLOCK),
        new Prequential.Settings(EXAMPLES, LABEL_DELAY, WINDOW, SNAPSHOT_EVERY, learnLabels, retrain));
  }
}
