package dev.gyre.learn.join;

import static dev.gyre.learn.join.FeedbackJoinTest.outcome;
import static dev.gyre.learn.join.FeedbackJoinTest.prediction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JoinStateCodecTest {

  static FeedbackJoin busyJoin() {
    FeedbackJoin join = new FeedbackJoin(Duration.ofSeconds(60), 3);
    join.addPrediction(prediction("a", 0));
    join.addPrediction(prediction("b", 10));
    join.addPrediction(prediction("c", 20));
    join.addPrediction(prediction("d", 30)); // evicts a
    join.accept(outcome("b", "yes", 35));
    join.accept(outcome("b", "yes", 36));
    join.accept(outcome("zz", "no", 37));
    return join;
  }

  @Test
  void shouldRoundTripTheWholeState() {
    FeedbackJoin join = busyJoin();

    FeedbackJoin copy = JoinStateCodec.read(JoinStateCodec.write(join));

    assertThat(copy.sameState(join)).isTrue();
    assertThat(copy.counts()).isEqualTo(join.counts());
    assertThat(copy.watermark()).isEqualTo(join.watermark());
    assertThat(JoinStateCodec.write(copy)).isEqualTo(JoinStateCodec.write(join));
  }

  @Test
  void shouldBehaveTheSameAfterARestore() {
    FeedbackJoin join = busyJoin();
    FeedbackJoin copy = JoinStateCodec.read(JoinStateCodec.write(join));

    for (FeedbackJoin j : new FeedbackJoin[] {join, copy}) {
      assertThat(j.accept(outcome("b", "no", 40)).kind()).isEqualTo(Match.Kind.DUPLICATE);
      assertThat(j.accept(outcome("c", "no", 41)).kind()).isEqualTo(Match.Kind.JOINED);
      j.advanceTo(FeedbackJoinTest.T0.plusSeconds(500));
    }
    assertThat(copy.drainExpired()).isEqualTo(join.drainExpired());
    assertThat(copy.counts()).isEqualTo(new JoinCounts(4, 0, 2, 2, 1, 0, 1, 1));
    assertThat(copy.counts()).isEqualTo(join.counts());
  }

  @Test
  void shouldRefuseAnotherVersionByName() {
    byte[] bytes = JoinStateCodec.write(busyJoin());
    bytes[5] = 9;

    assertThatThrownBy(() -> JoinStateCodec.read(bytes)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version was 9 but this Gyre reads 1 only");
  }

  @Test
  void shouldRefuseBytesThatAreNotAJoinStateOrAreCutShort() {
    byte[] bytes = JoinStateCodec.write(busyJoin());

    assertThatThrownBy(() -> JoinStateCodec.read(new byte[] {1, 2, 3, 4, 5, 6}))
        .hasMessageContaining("not a feedback join state");
    assertThatThrownBy(() -> JoinStateCodec.read(Arrays.copyOf(bytes, bytes.length - 7)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short or corrupt");
  }
}
