package dev.gyre.loop.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.learn.drift.Adwin;
import dev.gyre.learn.drift.DriftAlert;
import dev.gyre.learn.drift.ErrorDriftMonitor;
import dev.gyre.learn.drift.PageHinkley;
import dev.gyre.learn.eval.EvalWindow;
import dev.gyre.learn.eval.Evaluation;
import dev.gyre.learn.eval.WindowedEvaluator;
import dev.gyre.learn.join.Expiry;
import dev.gyre.learn.join.Feedback;
import dev.gyre.learn.join.FeedbackJoin;
import dev.gyre.learn.join.JoinCounts;
import dev.gyre.learn.join.JoinedExample;
import dev.gyre.learn.join.Match;
import dev.gyre.learn.join.PendingPrediction;
import dev.gyre.spec.FeedbackSpec;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learning loop without a broker: prediction and outcome messages in, events out. Joins outcomes
 * to predictions ({@link FeedbackJoin}), feeds every joined example to a {@link WindowedEvaluator}, an
 * {@link ErrorDriftMonitor} and, with online learning, an {@link OnlineTrainer}; every
 * {@code evaluation.every} joined labels it returns one evaluation event per model version that got
 * labels since the last time, plus a {@code join} report of the counters. An outcome that cannot be
 * read is returned unchanged for {@code <feedback topic>-dlq} with its reason. Not thread-safe.
 */
public final class FeedbackLoop {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The most predictions the join holds; the oldest beyond are evicted (and counted). */
  public static final int MAX_PENDING = 1_000_000;
  private final String pipeline;
  private final FeedbackSpec spec;
  private final Messages messages;
  private final FeedbackJoin join;
  private final WindowedEvaluator evaluator;
  private final ErrorDriftMonitor drift;
  private final OnlineTrainer trainer;
  private final LoopMetrics metrics;
  private final Clock clock;
  private final Set<String> touched = new LinkedHashSet<>();
  private long labels;

  /**
   * @param join     a restored join, or null for a new one
   * @param versions where learned versions go; null when the spec has no online learning
   */
  public FeedbackLoop(String pipeline, FeedbackSpec spec, String model, List<String> inputs, FeedbackJoin join,
      Versions versions, LoopMetrics metrics, Clock clock) {
    this.pipeline = pipeline;
    this.spec = spec;
    this.messages = new Messages(spec, inputs);
    this.join = join != null ? join : new FeedbackJoin(spec.horizon(), MAX_PENDING);
    FeedbackSpec.Evaluation e = spec.evaluation();
    EvalWindow window = e.windowLabels() > 0 ? EvalWindow.lastLabels(e.windowLabels())
        : EvalWindow.last(e.windowDuration());
    this.evaluator = WindowedEvaluator.classification(spec.positiveLabel(), List.of(window), clock);
    this.drift = new ErrorDriftMonitor(spec.drift().detector().equals("adwin") ? new Adwin(spec.drift().delta())
        : new PageHinkley(spec.drift().delta(), 50, 30), clock);
    this.trainer = spec.online() == null ? null : new OnlineTrainer(spec, model, inputs, versions, clock);
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Holds a prediction of the last stage until its outcome comes. */
  public void prediction(byte[] payload, String eventId, Instant publishedAt) {
    Messages.Read<PendingPrediction> read = messages.prediction(payload, eventId, publishedAt);
    if (read.value() == null) {
      metrics.prediction("unusable");
      return;
    }
    join.addPrediction(read.value());
    metrics.prediction("held");
    expire();
  }

  /** Joins an outcome; returns the events to publish. */
  public List<Output> outcome(byte[] payload, Instant publishedAt) {
    List<Output> out = new ArrayList<>();
    Messages.Read<Feedback> read = messages.outcome(payload, publishedAt);
    if (read.value() == null) {
      metrics.outcome("invalid");
      out.add(new Output(spec.topic() + "-dlq", null, payload, Map.of("gyre.stage", pipeline + "-feedback-join",
          "gyre.reason", read.refusal().reason(), "gyre.detail", read.refusal().detail(),
          "gyre.source-topic", spec.topic())));
      return out;
    }
    Match match = join.accept(read.value());
    metrics.outcome(match.kind().name().toLowerCase());
    expire();
    if (match.kind() == Match.Kind.JOINED) {
      joined(match.example(), out);
    }
    return out;
  }

  /** Moves event time to {@code now} when the inputs are quiet, expiring what passed its horizon. */
  public void advanceTo(Instant now) {
    join.advanceTo(now);
    expire();
  }

  /** The join, for snapshots. */
  public FeedbackJoin join() {
    return join;
  }

  /** Joined labels since this loop started. */
  public long labels() {
    return labels;
  }

  private void joined(JoinedExample example, List<Output> out) {
    labels++;
    PendingPrediction p = example.prediction();
    evaluator.add(example);
    touched.add(p.version());
    drift.addError(!example.correct()).ifPresent(alert -> {
      metrics.alert(alert.kind().name().toLowerCase().replace('_', '-'));
      out.add(Output.json(spec.drift().alertsTopic(), p.model(), with(alert.toJson(), "drift", p.model(), p.version())));
    });
    if (trainer != null) {
      for (Decision d : trainer.learn(example)) {
        metrics.decision(d.type());
        out.add(Output.json(spec.evaluation().topic(), d.model(), decision(d)));
      }
    }
    if (labels % spec.evaluation().every() == 0) {
      for (Evaluation e : evaluator.snapshot()) {
        if (touched.contains(e.version())) {
          metrics.evaluation(e);
          out.add(Output.json(spec.evaluation().topic(), e.model() + "@" + e.version(),
              with(e.toJson(), "evaluation", null, null)));
        }
      }
      touched.clear();
      out.add(Output.json(spec.evaluation().topic(), pipeline, report()));
    }
  }

  private void expire() {
    for (Expiry e : join.drainExpired()) {
      metrics.expired(e.reason().name().toLowerCase());
    }
    metrics.pending(join.pendingCount());
  }

  private String with(String json, String type, String model, String version) {
    try {
      ObjectNode node = (ObjectNode) MAPPER.readTree(json);
      ObjectNode out = MAPPER.createObjectNode().put("type", type).put("pipeline", pipeline);
      if (model != null) {
        out.put("model", model).put("version", version);
      }
      out.setAll(node);
      return out.put("labelsSeen", labels).toString();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String decision(Decision d) {
    ObjectNode node = MAPPER.createObjectNode().put("type", d.type()).put("pipeline", pipeline).put("model", d.model())
        .put("version", d.version()).put("against", d.against()).put("labels", d.labels())
        .put("labelsSeen", labels).put("at", clock.instant().toString());
    if (!Double.isNaN(d.accuracy())) {
      node.put("accuracy", d.accuracy()).put("againstAccuracy", d.againstAccuracy());
    }
    return node.toString();
  }

  private String report() {
    JoinCounts c = join.counts();
    return MAPPER.createObjectNode().put("type", "join").put("pipeline", pipeline).put("at", clock.instant().toString())
        .put("labelsSeen", labels).put("predictions", c.predictions()).put("joined", c.joined())
        .put("duplicateOutcomes", c.duplicateOutcomes()).put("unmatchedOutcomes", c.unmatchedOutcomes())
        .put("lateOutcomes", c.lateOutcomes()).put("expiredPredictions", c.expiredPredictions())
        .put("evictedPredictions", c.evictedPredictions()).put("pending", join.pendingCount()).toString();
  }
}
