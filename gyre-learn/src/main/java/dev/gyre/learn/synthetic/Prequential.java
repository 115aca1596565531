package dev.gyre.learn.synthetic;

import dev.gyre.api.Model;
import dev.gyre.learn.drift.ErrorDriftMonitor;
import dev.gyre.learn.online.OnlineLearner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Prequential evaluation (test, then train) with delayed labels, run the way Gyre's learning loop runs:
 * a served snapshot scores each example; its label arrives {@code labelDelay} examples later; then the
 * error goes to the drift monitor and the example to the learner; every {@code snapshotEvery} labels
 * the learner's state is snapshotted and serves from then on.
 *
 * <p>The options model the loop's choices: {@code learnLabels} stops learning after that many labels
 * (a frozen model: the no-learning baseline), and on a drift alert with {@code retrainOnDrift} the
 * learner is replaced by a fresh one from the factory, which learns only the new concept and serves from
 * the next scheduled snapshot. Deterministic for a seeded stream.
 */
public final class Prequential {

  /**
   * How to run.
   *
   * @param examples       examples to draw from the stream
   * @param labelDelay     examples between a prediction and its label, at least 0
   * @param windowSize     examples per accuracy window, at least 1
   * @param snapshotEvery  labels between snapshots, at least 1
   * @param learnLabels    labels learned before the model freezes ({@code Long.MAX_VALUE}: always learn)
   * @param retrainOnDrift whether a drift alert replaces the learner by a fresh one
   */
  public record Settings(long examples, int labelDelay, int windowSize, int snapshotEvery, long learnLabels,
      boolean retrainOnDrift) {
    public Settings {
      if (examples < 1 || labelDelay < 0 || windowSize < 1 || snapshotEvery < 1 || learnLabels < 0) {
        throw new IllegalArgumentException("bad prequential settings: " + examples + ", " + labelDelay + ", "
            + windowSize + ", " + snapshotEvery + ", " + learnLabels);
      }
    }
  }

  private record Scored(Example example, String predicted) {}

  private Prequential() {}

  /**
   * Runs the stream through the loop.
   *
   * @param learners makes the learner at the start, and again on each drift alert if retraining
   * @param monitor  watches the served model's errors, or {@code null} for no drift detection
   */
  public static PrequentialReport run(StreamGenerator stream, Supplier<OnlineLearner> learners,
      ErrorDriftMonitor monitor, Settings settings) {
    Objects.requireNonNull(stream, "stream");
    OnlineLearner learner = learners.get();
    Model served = null;
    long snapshots = 0;
    ArrayDeque<Scored> waiting = new ArrayDeque<>();
    List<long[]> windows = new ArrayList<>(); // {labelled, correct}
    List<Long> alerts = new ArrayList<>();
    long labels = 0;
    long correct = 0;
    long unscored = 0;
    for (long t = 0; t < settings.examples(); t++) {
      Example e = stream.next();
      waiting.addLast(new Scored(e, served == null ? null : served.predict(e.x()).label()));
      if (waiting.size() <= settings.labelDelay()) {
        continue;
      }
      Scored s = waiting.removeFirst();
      if (s.predicted() == null) {
        unscored++; // scored before any snapshot served: learned from, not evaluated
      } else {
        boolean right = s.example().label().equals(s.predicted());
        int w = (int) (s.example().index() / settings.windowSize());
        while (windows.size() <= w) {
          windows.add(new long[2]);
        }
        windows.get(w)[0]++;
        windows.get(w)[1] += right ? 1 : 0;
        labels++;
        correct += right ? 1 : 0;
        if (monitor != null && monitor.addError(!right).isPresent()) {
          alerts.add(s.example().index());
          if (settings.retrainOnDrift()) {
            learner = learners.get();
          }
        }
      }
      if (labels + unscored <= settings.learnLabels()) {
        learner.learn(s.example().x(), s.example().label());
        if (learner.examplesSeen() % settings.snapshotEvery() == 0) {
          served = learner.snapshot(String.valueOf(++snapshots));
        }
      }
    }
    List<Double> accuracy = windows.stream().map(c -> c[0] == 0 ? 0.0 : (double) c[1] / c[0]).toList();
    return new PrequentialReport(settings.windowSize(), accuracy, labels, correct, unscored, alerts, snapshots);
  }
}
