package dev.gyre.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open-loop schedule, on a fake clock: no broker, no sleeping. */
class LoadGeneratorTest {

  /** A clock that only moves when the generator parks, or when a send takes time. */
  static final class FakeTicker implements LoadGenerator.Ticker {
    long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
      now = Math.max(now, deadlineNanos);
    }
  }

  @Test
  void shouldSendRateTimesDurationEventsOnAnEvenSchedule() {
    FakeTicker ticker = new FakeTicker();
    List<Long> intended = new ArrayList<>();

    LoadGenerator.Report report = new LoadGenerator(ticker).run(1_000, Duration.ofSeconds(1),
        (seq, at) -> intended.add(at), () -> false);

    assertThat(report.sent()).isEqualTo(1_000).isEqualTo(report.planned());
    assertThat(intended.get(0)).isEqualTo(1_000_000_000L);
    assertThat(intended.get(1) - intended.get(0)).isEqualTo(1_000_000L);
    assertThat(intended.get(999) - intended.get(0)).isEqualTo(999_000_000L);
    assertThat(report.maxLagNanos()).isZero();
  }

  @Test
  void shouldKeepIntendedTimesWhenTheSenderStalls() {
    FakeTicker ticker = new FakeTicker();
    List<Long> intended = new ArrayList<>();
    List<Long> actual = new ArrayList<>();

    // The 10th send blocks for 50 ms, as a full producer queue would.
    new LoadGenerator(ticker).run(1_000, Duration.ofMillis(100), (seq, at) -> {
      intended.add(at);
      actual.add(ticker.now);
      if (seq == 9) {
        ticker.now += 50_000_000L;
      }
    }, () -> false);

    assertThat(intended).hasSize(100);
    // Events 10..59 were due during the stall: sent at once afterwards, still stamped with their own time.
    assertThat(intended.get(10) - intended.get(0)).isEqualTo(10_000_000L);
    assertThat(actual.get(10) - intended.get(10)).isEqualTo(49_000_000L);
    assertThat(actual.get(30)).isEqualTo(actual.get(10));
    assertThat(intended.get(30) - intended.get(10)).isEqualTo(20_000_000L);
  }

  @Test
  void shouldStopEarlyWhenAborted() {
    FakeTicker ticker = new FakeTicker();
    int[] sent = {0};

    LoadGenerator.Report report = new LoadGenerator(ticker).run(10_000, Duration.ofSeconds(10),
        (seq, at) -> sent[0]++, () -> sent[0] >= 1_000);

    assertThat(report.aborted()).isTrue();
    assertThat(report.sent()).isBetween(1_000L, 1_256L).isLessThan(report.planned());
  }

  @Test
  void shouldCountDueEventsExactlyAtTheirIntendedTimes() {
    Schedule schedule = new Schedule(100, 3_000);

    assertThat(schedule.dueBy(99)).isZero();
    assertThat(schedule.dueBy(100)).isEqualTo(1);
    for (long i = 0; i < 10_000; i++) {
      assertThat(schedule.dueBy(schedule.intended(i))).isEqualTo(i + 1);
      assertThat(schedule.dueBy(schedule.intended(i) - 1)).isEqualTo(i);
    }
  }
}
