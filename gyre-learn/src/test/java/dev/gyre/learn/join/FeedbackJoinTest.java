package dev.gyre.learn.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedbackJoinTest {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  static PendingPrediction prediction(String id, int secondsAfterT0) {
    return new PendingPrediction(id, "churn", "3", new float[] {1.5f, -2f}, "yes", 0.8, T0.plusSeconds(secondsAfterT0));
  }

  static Feedback outcome(String id, String label, int secondsAfterT0) {
    return new Feedback(id, label, T0.plusSeconds(secondsAfterT0));
  }

  @Test
  void shouldJoinOutcomeToItsPredictionWithinTheHorizon() {
    FeedbackJoin join = new FeedbackJoin(Duration.ofMinutes(10), 100);
    join.addPrediction(prediction("e1", 0));

    Match m = join.accept(outcome("e1", "no", 599));

    assertThat(m.kind()).isEqualTo(Match.Kind.JOINED);
    assertThat(m.example().prediction()).isEqualTo(prediction("e1", 0));
    assertThat(m.example().label()).isEqualTo("no");
    assertThat(m.example().correct()).isFalse();
    assertThat(m.example().delay()).isEqualTo(Duration.ofSeconds(599));
    assertThat(join.pendingCount()).isZero();
    assertThat(join.counts()).isEqualTo(new JoinCounts(1, 0, 1, 0, 0, 0, 0, 0));
  }

  @Test
  void shouldApplyARepeatedOutcomeOnce() {
    FeedbackJoin join = new FeedbackJoin(Duration.ofMinutes(10), 100);
    join.addPrediction(prediction("e1", 0));

    assertThat(join.accept(outcome("e1", "yes", 5)).kind()).isEqualTo(Match.Kind.JOINED);
    assertThat(join.accept(outcome("e1", "yes", 6)).kind()).isEqualTo(Match.Kind.DUPLICATE);
    assertThat(join.accept(outcome("e1", "no", 7)).kind()).isEqualTo(Match.Kind.DUPLICATE);

    assertThat(join.counts().joined()).isEqualTo(1);
    assertThat(join.counts().duplicateOutcomes()).isEqualTo(2);
  }

  @Test
  void shouldForgetJoinedIdsAfterTheHorizonSoTheirOutcomesBecomeUnmatched() {
    FeedbackJoin join = new FeedbackJoin(Duration.ofSeconds(60), 100);
    join.addPrediction(prediction("e1", 0));
    join.accept(outcome("e1", "yes", 10));

    assertThat(join.accept(outcome("e1", "yes", 61)).kind()).isEqualTo(Match.Kind.UNMATCHED);
  }

  @Test
  void shouldCountOutcomesThatMatchNothing() {
    FeedbackJoin join = new FeedbackJoin(Duration.ofMinutes(10), 100);
    join.addPrediction(prediction("e1", 0));

    Match m = join.accept(outcome("e2", "yes", 1));

    assertThat(m.kind()).isEqualTo(Match.Kind.UNMATCHED);
    assertThat(m.example()).isNull();
    assertThat(join.counts().unmatchedOutcomes()).isEqualTo(1);
    assertThat(join.pendingCount()).isEqualTo(1);
  }

  @Test
  void shouldExpirePredictionsWhenEventTimePassesTheirHorizon() {
    FeedbackJoin join = new FeedbackJoin(Duration.ofSeconds(60), 100);
    join.addPrediction(prediction("e1", 0));
    join.addPrediction(prediction("e2", 30));

    join.addPrediction(prediction("e3", 61)); // watermark 61 > 0 + 60: e1 expires, e2 stays

    assertThat(join.drainExpired()).containsExactly(new Expiry(prediction("e1", 0), Expiry.Reason.HORIZON));
    assertThat(join.drainExpired()).isEmpty();
    join.advanceTo(T0.plusSeconds(200)); // a host's timer on a quiet stream
    assertThat(join.drainExpired()).extracting(e -> e.prediction().eventId()).containsExactly("e2", "e3");
    assertThat(join.counts().expiredPredictions()).isEqualTo(3);
    assertThat(join.accept(outcome("e2", "yes", 201)).kind()).isEqualTo(Match.Kind.UNMATCHED);
  }

  @Test
  void shouldRefuseAnOutcomeThatComesAfterItsHorizonAsLate() {
    FeedbackJoin join = new FeedbackJoin(Duration.ofSeconds(60), 100);
    join.addPrediction(prediction("e2", 30));
    join.addPrediction(prediction("e1", 0)); // arrived out of time order: expiry waits for e2

    assertThat(join.accept(outcome("e1", "yes", 80)).kind()).isEqualTo(Match.Kind.LATE);

    assertThat(join.drainExpired()).containsExactly(new Expiry(prediction("e1", 0), Expiry.Reason.HORIZON));
    assertThat(join.counts().lateOutcomes()).isEqualTo(1);
    assertThat(join.counts().expiredPredictions()).isEqualTo(1);
  }

  @Test
  void shouldEvictTheOldestPredictionWhenFull() {
    FeedbackJoin join = new FeedbackJoin(Duration.ofHours(1), 2);
    join.addPrediction(prediction("e1", 0));
    join.addPrediction(prediction("e2", 1));
    join.addPrediction(prediction("e3", 2));

    assertThat(join.pendingCount()).isEqualTo(2);
    assertThat(join.drainExpired()).containsExactly(new Expiry(prediction("e1", 0), Expiry.Reason.EVICTED));
    assertThat(join.counts().evictedPredictions()).isEqualTo(1);
    assertThat(join.accept(outcome("e3", "yes", 3)).kind()).isEqualTo(Match.Kind.JOINED);
  }

  @Test
  void shouldKeepTheFirstOfTwoPredictionsWithOneId() {
    FeedbackJoin join = new FeedbackJoin(Duration.ofHours(1), 10);
    join.addPrediction(prediction("e1", 0));
    join.addPrediction(new PendingPrediction("e1", "churn", "4", new float[] {9f}, "no", 0.6, T0.plusSeconds(1)));

    assertThat(join.accept(outcome("e1", "yes", 2)).example().prediction().version()).isEqualTo("3");
    assertThat(join.counts().duplicatePredictions()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAHorizonOrCapacityThatIsNotPositive() {
    assertThatThrownBy(() -> new FeedbackJoin(Duration.ZERO, 1)).hasMessageContaining("horizon must be positive");
    assertThatThrownBy(() -> new FeedbackJoin(Duration.ofSeconds(1), 0)).hasMessageContaining("at least 1, was 0");
  }
}
