package dev.gyre.loop.internal;

import dev.gyre.learn.join.JoinedExample;
import dev.gyre.learn.online.FtrlLearner;
import dev.gyre.learn.online.HoeffdingTreeLearner;
import dev.gyre.learn.online.LearnedModel;
import dev.gyre.learn.online.OnlineLearner;
import dev.gyre.spec.FeedbackSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the spec's online learner on every joined example, pushes a snapshot every
 * {@code snapshotEvery} labels as a new version, and carries out the {@link Contest}'s decisions on
 * the registry. The contest sees each example before the learner learns it (score first, then learn).
 * Versions are named {@code online-<labels learned>-<millis, base 36>}, unique across restarts.
 * Not thread-safe: called from the loop's one thread.
 */
final class OnlineTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(OnlineTrainer.class);
  private final FeedbackSpec.OnlineLearning spec;
  private final OnlineLearner learner;
  private final Contest contest;
  private final Versions versions;
  private final Clock clock;
  private long skipped;

  OnlineTrainer(FeedbackSpec feedback, String model, List<String> inputs, Versions versions, Clock clock) {
    this.spec = feedback.online();
    this.learner = spec.algorithm().equals("ftrl")
        ? new FtrlLearner(model, inputs, feedback.negativeLabel(), feedback.positiveLabel(),
            FtrlLearner.Settings.defaults())
        : new HoeffdingTreeLearner(model, inputs, HoeffdingTreeLearner.Settings.defaults());
    this.contest = new Contest(spec.margin(), spec.minLabels());
    this.versions = versions;
    this.clock = clock;
  }

  /** Judges, then learns one example; returns the decisions taken (promotions already applied). */
  List<Decision> learn(JoinedExample example) {
    List<Decision> decisions = new ArrayList<>();
    for (Decision d : contest.observe(example)) {
      apply(d);
      decisions.add(d);
    }
    try {
      learner.learn(example.prediction().features(), example.label());
    } catch (IllegalArgumentException e) {
      skipped++; // a missing feature or a label the learner cannot take: evaluated, not learned
      return decisions;
    }
    if (learner.examplesSeen() % spec.snapshotEvery() == 0) {
      String version = "online-" + learner.examplesSeen() + "-" + Long.toString(clock.millis(), 36);
      LearnedModel snapshot = learner.snapshot(version);
      try {
        versions.push(snapshot);
      } catch (RuntimeException e) {
        LOG.warn("could not push snapshot {} of {}: {}", version, learner.name(), e.getMessage());
        return decisions;
      }
      String against = contest.offer(snapshot) ? null : contest.candidate().version();
      decisions.add(new Decision("snapshot", learner.name(), version, against,
          Double.NaN, Double.NaN, learner.examplesSeen()));
    }
    return decisions;
  }

  /** Examples the learner could not learn (missing features, unknown labels). */
  long skipped() {
    return skipped;
  }

  private void apply(Decision d) {
    try {
      if (d.type().equals("promotion")) {
        versions.promote(d.model(), d.version());
      } else if (d.type().equals("rollback")) {
        versions.rollback(d.model());
      }
      LOG.info("{} of {} {}: accuracy {} against {} of {} on {} labels", d.type(), d.model(), d.version(),
          d.accuracy(), d.againstAccuracy(), d.against(), d.labels());
    } catch (RuntimeException e) {
      LOG.warn("could not apply {} of {} {}: {}", d.type(), d.model(), d.version(), e.getMessage());
    }
  }
}
