package dev.gyre.loop.internal;

import dev.gyre.learn.eval.Evaluation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The loop's meters, tagged {@code pipeline}: outcomes by result, expired predictions, evaluation
 * gauges per model version (NaN while undefined), drift alerts by kind, and learning decisions.
 * Registering never throws into the loop (Micrometer's rule); gauges read plain fields.
 */
public final class LoopMetrics {
  /** Counter of outcomes, tagged {@code result}: joined, duplicate, unmatched, late, invalid. */
  public static final String OUTCOMES = "gyre.feedback.outcomes";
  /** Counter of predictions that got no outcome, tagged {@code reason}: horizon, evicted. */
  public static final String EXPIRED = "gyre.feedback.expired";
  /** Counter of predictions read, tagged {@code result}: held, unusable. */
  public static final String PREDICTIONS = "gyre.feedback.predictions";
  /** Gauge of predictions waiting for an outcome. */
  public static final String PENDING = "gyre.feedback.pending";
  /** Counter of drift alerts, tagged {@code kind}. */
  public static final String ALERTS = "gyre.drift.alerts";
  /** Counter of learning decisions, tagged {@code decision}: snapshot, promotion, rejection, rollback, kept. */
  public static final String DECISIONS = "gyre.learn.decisions";
  private static final Map<String, Function<Evaluation, Double>> GAUGES = Map.of(
      "gyre.eval.accuracy", Evaluation::accuracy, "gyre.eval.auc", Evaluation::rocAuc,
      "gyre.eval.logloss", Evaluation::logLoss, "gyre.eval.brier", Evaluation::brier,
      "gyre.eval.f1", Evaluation::f1, "gyre.eval.labels", e -> (double) e.labels());

  private final MeterRegistry registry;
  private final String pipeline;
  private final Map<List<String>, double[]> values = new ConcurrentHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();

  public LoopMetrics(MeterRegistry registry, String pipeline) {
    this.registry = registry;
    this.pipeline = pipeline;
    Gauge.builder(PENDING, pending, AtomicInteger::get).tag("pipeline", pipeline).register(registry);
  }

  void outcome(String result) {
    counter(OUTCOMES, "result", result).increment();
  }

  void expired(String reason) {
    counter(EXPIRED, "reason", reason).increment();
  }

  void prediction(String result) {
    counter(PREDICTIONS, "result", result).increment();
  }

  void pending(int n) {
    pending.set(n);
  }

  void alert(String kind) {
    counter(ALERTS, "kind", kind).increment();
  }

  void decision(String decision) {
    counter(DECISIONS, "decision", decision).increment();
  }

  /** Sets the gauges of the evaluation's model version (the first window's, if several). */
  void evaluation(Evaluation e) {
    GAUGES.forEach((name, metric) -> {
      double[] holder = values.computeIfAbsent(List.of(name, e.model(), e.version()), key -> {
        double[] h = {Double.NaN};
        Gauge.builder(name, h, x -> x[0]).tags("pipeline", pipeline, "model", e.model(), "version", e.version())
            .register(registry);
        return h;
      });
      Double v = metric.apply(e);
      holder[0] = v == null ? Double.NaN : v;
    });
  }

  private Counter counter(String name, String tag, String value) {
    return Counter.builder(name).tags("pipeline", pipeline, tag, value).register(registry);
  }
}
