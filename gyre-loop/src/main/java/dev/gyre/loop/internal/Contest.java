package dev.gyre.loop.internal;

import dev.gyre.learn.join.JoinedExample;
import dev.gyre.learn.online.LearnedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges online-learned candidates against the serving champion on the same labels, and watches a
 * promoted version afterwards.
 *
 * <p>A candidate is a snapshot taken at some label; it is judged prequentially on the labels that
 * arrive after it: for each joined example it predicts the example's features, and its hit is compared
 * with the hit of the prediction that actually served (the champion's). After {@code minLabels}
 * examples it is promoted if its accuracy is at least the champion's plus {@code margin}, else
 * rejected; one candidate is judged at a time and later snapshots wait for the next turn. A promoted
 * version is then watched on its own served predictions: if, over {@code minLabels} of them, its
 * accuracy falls below the replaced champion's accuracy in the contest minus {@code margin}, it is
 * rolled back. Examples with a missing feature (NaN) are skipped by both sides. Not thread-safe.
 */
final class Contest {
  private final double margin;
  private final int minLabels;
  private LearnedModel candidate;
  private long n;
  private long candidateHits;
  private long championHits;
  private String champion;
  private String watched;
  private String replaced;
  private double baseline;
  private long watchedN;
  private long watchedHits;

  Contest(double margin, int minLabels) {
    this.margin = margin;
    this.minLabels = minLabels;
  }

  /** Offers a new snapshot; it becomes the candidate unless another is being judged. Returns whether it did. */
  boolean offer(LearnedModel snapshot) {
    if (candidate != null) {
      return false;
    }
    candidate = snapshot;
    n = candidateHits = championHits = 0;
    champion = null;
    return true;
  }

  /** The candidate being judged, or null. */
  LearnedModel candidate() {
    return candidate;
  }

  /** Counts one joined example; returns the decisions now due (usually none). */
  List<Decision> observe(JoinedExample example) {
    float[] x = example.prediction().features();
    for (float v : x) {
      if (!Float.isFinite(v)) {
        return List.of();
      }
    }
    List<Decision> out = new ArrayList<>(1);
    Decision watch = watch(example);
    if (watch != null) {
      out.add(watch);
    }
    if (candidate == null) {
      return out;
    }
    n++;
    champion = example.prediction().version();
    candidateHits += candidate.predict(x).label().equals(example.label()) ? 1 : 0;
    championHits += example.correct() ? 1 : 0;
    if (n < minLabels) {
      return out;
    }
    double candidateAccuracy = (double) candidateHits / n;
    double championAccuracy = (double) championHits / n;
    LearnedModel judged = candidate;
    candidate = null;
    if (candidateAccuracy >= championAccuracy + margin) {
      watched = judged.version();
      replaced = champion;
      baseline = championAccuracy;
      watchedN = watchedHits = 0;
      out.add(new Decision("promotion", judged.name(), judged.version(), champion, candidateAccuracy,
          championAccuracy, n));
    } else {
      out.add(new Decision("rejection", judged.name(), judged.version(), champion, candidateAccuracy,
          championAccuracy, n));
    }
    return out;
  }

  private Decision watch(JoinedExample example) {
    if (watched == null || !example.prediction().version().equals(watched)) {
      return null;
    }
    watchedN++;
    watchedHits += example.correct() ? 1 : 0;
    if (watchedN < minLabels) {
      return null;
    }
    double accuracy = (double) watchedHits / watchedN;
    String version = watched;
    watched = null;
    String type = accuracy < baseline - margin ? "rollback" : "kept";
    return new Decision(type, example.prediction().model(), version, replaced, accuracy, baseline, watchedN);
  }
}
