package dev.gyre.learn.join;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins outcomes to the predictions they resolve, within a horizon.
 *
 * <p><b>Time is event time.</b> The join's clock is a watermark: the latest event time seen on either
 * input ({@link PendingPrediction#predictedAt()}, {@link Feedback#observedAt()}), or given to
 * {@link #advanceTo}. A prediction expires once the watermark passes {@code predictedAt + horizon}.
 * Event time, not a wall clock, so replaying the same topics (or restoring a snapshot and replaying
 * the rest) gives the same joins, and a broker outage does not expire every pending prediction. A host
 * whose streams go quiet calls {@code advanceTo(clock.instant())} on a timer so expiries still come.
 *
 * <p><b>Semantics.</b> An outcome joins if its prediction is pending and it came no later than the
 * horizon; the prediction's id is then remembered until the horizon ends, so a repeated outcome is
 * counted as a duplicate and applied once. A second prediction with a pending id is counted and
 * ignored (the first one stands). At most {@code maxPending} predictions are held (and as many
 * remembered ids); when full, the oldest pending prediction is evicted and reported. Expiry runs in
 * arrival order, so a prediction that arrived out of time order expires with its neighbours; an outcome
 * after its horizon is refused as {@link Match.Kind#LATE} either way.
 *
 * <p>Example:
 * <pre>{@code
 * FeedbackJoin join = new FeedbackJoin(Duration.ofHours(1), 100_000);
 * join.addPrediction(prediction);                       // from the prediction topic
 * Match m = join.accept(new Feedback("e1", "yes", t));   // from the feedback topic
 * for (Expiry e : join.drainExpired()) { ... }           // report predictions that got no outcome
 * }</pre>
 *
 * <p>Not thread-safe: one join per stage instance (per key range), called from its one thread.
 */
public final class FeedbackJoin {
  private final Duration horizon;
  private final int maxPending;
  final LinkedHashMap<String, PendingPrediction> pending = new LinkedHashMap<>();
  final LinkedHashMap<String, Instant> joinedUntil = new LinkedHashMap<>();
  final List<Expiry> expired = new ArrayList<>();
  final long[] counts = new long[8];
  Instant watermark = Instant.EPOCH;

  /**
   * @param horizon    how long after its prediction an outcome may come, positive
   * @param maxPending most predictions held at once, at least 1; bounds memory
   */
  public FeedbackJoin(Duration horizon, int maxPending) {
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be positive, was " + horizon);
    }
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be at least 1, was " + maxPending);
    }
    this.horizon = horizon;
    this.maxPending = maxPending;
  }

  /** Holds a prediction until its outcome comes or its horizon passes. */
  public void addPrediction(PendingPrediction prediction) {
    counts[0]++;
    advanceTo(prediction.predictedAt());
    if (pending.containsKey(prediction.eventId()) || joinedUntil.containsKey(prediction.eventId())) {
      counts[1]++;
      return;
    }
    if (pending.size() >= maxPending) {
      Iterator<PendingPrediction> oldest = pending.values().iterator();
      expired.add(new Expiry(oldest.next(), Expiry.Reason.EVICTED));
      oldest.remove();
      counts[7]++;
    }
    pending.put(prediction.eventId(), prediction);
  }

  /** Joins an outcome to its prediction if it can; says what it did. */
  public Match accept(Feedback feedback) {
    advanceTo(feedback.observedAt());
    String id = feedback.eventId();
    if (joinedUntil.containsKey(id)) {
      counts[3]++;
      return Match.of(Match.Kind.DUPLICATE, feedback);
    }
    PendingPrediction prediction = pending.get(id);
    if (prediction == null) {
      counts[4]++;
      return Match.of(Match.Kind.UNMATCHED, feedback);
    }
    pending.remove(id);
    if (feedback.observedAt().isAfter(prediction.predictedAt().plus(horizon))) {
      expired.add(new Expiry(prediction, Expiry.Reason.HORIZON));
      counts[5]++;
      counts[6]++;
      return Match.of(Match.Kind.LATE, feedback);
    }
    if (joinedUntil.size() >= maxPending) {
      Iterator<String> oldest = joinedUntil.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    joinedUntil.put(id, prediction.predictedAt().plus(horizon));
    counts[2]++;
    return Match.joined(new JoinedExample(prediction, feedback.label(), feedback.observedAt()), feedback);
  }

  /**
   * Moves the watermark forward (never back) and expires what it passes. Called by the two inputs
   * with their event times, and by a host on a timer when the streams go quiet.
   */
  public void advanceTo(Instant eventTime) {
    if (!eventTime.isAfter(watermark)) {
      return;
    }
    watermark = eventTime;
    Iterator<PendingPrediction> it = pending.values().iterator();
    while (it.hasNext()) {
      PendingPrediction p = it.next();
      if (!p.predictedAt().plus(horizon).isBefore(watermark)) {
        break;
      }
      it.remove();
      expired.add(new Expiry(p, Expiry.Reason.HORIZON));
      counts[6]++;
    }
    Iterator<Map.Entry<String, Instant>> joined = joinedUntil.entrySet().iterator();
    while (joined.hasNext() && joined.next().getValue().isBefore(watermark)) {
      joined.remove();
    }
  }

  /** The predictions that expired or were evicted since the last call, oldest first. */
  public List<Expiry> drainExpired() {
    List<Expiry> out = List.copyOf(expired);
    expired.clear();
    return out;
  }

  /** The counters since the join started. */
  public JoinCounts counts() {
    long[] c = counts;
    return new JoinCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
  }

  /** Predictions waiting for an outcome. */
  public int pendingCount() {
    return pending.size();
  }

  /** The latest event time seen. */
  public Instant watermark() {
    return watermark;
  }

  /** How long an outcome may take. */
  public Duration horizon() {
    return horizon;
  }

  /** The most predictions held at once. */
  public int maxPending() {
    return maxPending;
  }

  /** Whether the other join holds exactly the same state (used by codec round-trip tests). */
  public boolean sameState(FeedbackJoin other) {
    Objects.requireNonNull(other, "other");
    return horizon.equals(other.horizon) && maxPending == other.maxPending && watermark.equals(other.watermark)
        && java.util.Arrays.equals(counts, other.counts) && List.copyOf(pending.entrySet()).equals(
            List.copyOf(other.pending.entrySet())) && List.copyOf(joinedUntil.entrySet()).equals(
            List.copyOf(other.joinedUntil.entrySet())) && expired.equals(other.expired);
  }
}
