package dev.gyre.learn.eval;

import dev.gyre.learn.join.JoinedExample;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates every model version over declared windows of its latest labels.
 *
 * <p>A classifier is evaluated against a declared positive label: precision, recall and F1 are of that
 * class, and the probabilistic metrics (ROC AUC, log loss, Brier, reliability) use the positive-class
 * probability, which is the prediction's score if it predicted the positive label and one minus it
 * otherwise; that is exact for binary models only. A regressor's label and score are numbers.
 *
 * <p>A time window holds the labels whose {@link JoinedExample#observedAt()} lies within its duration
 * before the injected clock's now, at most {@value #MAX_TIME_WINDOW_LABELS} of them (the oldest go
 * first). A snapshot costs O(n log n) for the window's n labels (ROC AUC sorts); adding is O(1).
 *
 * <p>Example:
 * <pre>{@code
 * var eval = WindowedEvaluator.classification("fraud",
 *     List.of(EvalWindow.lastLabels(1000), EvalWindow.last(Duration.ofHours(1))), Clock.systemUTC());
 * eval.add(joined);
 * for (Evaluation e : eval.snapshot()) publish(e.toJson());
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class WindowedEvaluator {
  /** The most labels a time window holds. */
  public static final int MAX_TIME_WINDOW_LABELS = 100_000;
  private static final int BINS = 10;

  private final String positiveLabel;
  private final List<EvalWindow> windows;
  private final Clock clock;
  private final Map<List<String>, List<ArrayDeque<Scored>>> byVersion = new LinkedHashMap<>();

  private record Scored(String predicted, String actual, double score, double value, Instant at) {}

  private WindowedEvaluator(String positiveLabel, List<EvalWindow> windows, Clock clock) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("an evaluator needs at least one window");
    }
    this.positiveLabel = positiveLabel;
    this.windows = List.copyOf(windows);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Evaluates classifiers, {@code positiveLabel} being the class precision and recall are about. */
  public static WindowedEvaluator classification(String positiveLabel, List<EvalWindow> windows, Clock clock) {
    return new WindowedEvaluator(Objects.requireNonNull(positiveLabel, "positiveLabel"), windows, clock);
  }

  /** Evaluates regressors: labels and scores are numbers. */
  public static WindowedEvaluator regression(List<EvalWindow> windows, Clock clock) {
    return new WindowedEvaluator(null, windows, clock);
  }

  /**
   * Adds a joined example to its model version's windows.
   *
   * @return false, and nothing added, if a regressor's label is not a number (the caller reports it)
   */
  public boolean add(JoinedExample example) {
    double value = Double.NaN;
    if (positiveLabel == null) {
      try {
        value = Double.parseDouble(example.label());
      } catch (NumberFormatException e) {
        return false;
      }
      if (!Double.isFinite(value)) {
        return false;
      }
    }
    var p = example.prediction();
    Scored s = new Scored(p.predictedLabel(), example.label(), p.score(), value, example.observedAt());
    List<ArrayDeque<Scored>> queues = byVersion.computeIfAbsent(List.of(p.model(), p.version()), k -> {
      List<ArrayDeque<Scored>> q = new ArrayList<>();
      windows.forEach(w -> q.add(new ArrayDeque<>()));
      return q;
    });
    for (int i = 0; i < windows.size(); i++) {
      ArrayDeque<Scored> q = queues.get(i);
      q.addLast(s);
      int max = windows.get(i).labels() > 0 ? windows.get(i).labels() : MAX_TIME_WINDOW_LABELS;
      while (q.size() > max) {
        q.removeFirst();
      }
    }
    return true;
  }

  /** Stops evaluating a model version (after it stopped serving), freeing its windows. */
  public void forget(String model, String version) {
    byVersion.remove(List.of(model, version));
  }

  /** One evaluation per model version and window, in the order versions first appeared. */
  public List<Evaluation> snapshot() {
    Instant now = clock.instant();
    List<Evaluation> out = new ArrayList<>();
    byVersion.forEach((key, queues) -> {
      for (int i = 0; i < windows.size(); i++) {
        EvalWindow w = windows.get(i);
        ArrayDeque<Scored> q = queues.get(i);
        if (w.duration() != null) {
          Instant from = now.minus(w.duration());
          while (!q.isEmpty() && !q.peekFirst().at().isAfter(from)) {
            q.removeFirst();
          }
        }
        out.add(evaluate(key.get(0), key.get(1), w.name(), now, List.copyOf(q)));
      }
    });
    return out;
  }

  private Evaluation evaluate(String model, String version, String window, Instant now, List<Scored> rows) {
    int n = rows.size();
    if (positiveLabel == null) {
      double[] predicted = new double[n];
      double[] actual = new double[n];
      for (int i = 0; i < n; i++) {
        predicted[i] = rows.get(i).score();
        actual[i] = rows.get(i).value();
      }
      return new Evaluation(model, version, window, now, n, null, null, null, null, null, null, null, null, null,
          Metrics.mae(predicted, actual), Metrics.rmse(predicted, actual));
    }
    String[] predicted = new String[n];
    String[] actual = new String[n];
    double[] probability = new double[n];
    boolean[] positive = new boolean[n];
    for (int i = 0; i < n; i++) {
      Scored s = rows.get(i);
      predicted[i] = s.predicted();
      actual[i] = s.actual();
      probability[i] = s.predicted().equals(positiveLabel) ? s.score() : 1 - s.score();
      positive[i] = s.actual().equals(positiveLabel);
    }
    long[] c = Metrics.confusion(predicted, actual, positiveLabel);
    return new Evaluation(model, version, window, now, n, Metrics.accuracy(predicted, actual), Metrics.precision(c),
        Metrics.recall(c), Metrics.f1(c), Metrics.macroF1(predicted, actual), Metrics.rocAuc(probability, positive),
        Metrics.logLoss(probability, positive), Metrics.brier(probability, positive),
        n == 0 ? null : Metrics.reliability(probability, positive, BINS), null, null);
  }
}
