package dev.gyre.core.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowEngineTest {
  private static final double NAN = Double.NaN;

  @Test
  void shouldComputeEveryStatisticOverTheSlidingBucketsHoldingTheEventTime() {
    Windows w = new Windows(Duration.ZERO, "n = count() over 1m", "s = sum(amount) over 1m",
        "m = mean(amount) over 1m", "lo = min(amount) over 1m", "hi = max(amount) over 1m",
        "sd = stddev(amount) over 1m");
    w.apply("k", 0, 10);
    w.apply("k", 30_000, 20);
    w.apply("k", 59_999, 30);
    assertThat(w.out).containsExactly(3, 60, 20, 10, 30, Math.sqrt(1400.0 / 3 - 400));

    // 60 one-second buckets ending with the one holding 61.5 s: [2 s, 62 s), so the event at 0 is out
    w.apply("k", 61_500, 40);
    assertThat(w.out).containsExactly(new double[] {3, 90, 30, 20, 40, Math.sqrt(200.0 / 3)}, within(1e-12));
  }

  @Test
  void shouldCountTumblingWindowsPerUtcPeriodAndWholeHistoryWithoutWindow() {
    Windows w = new Windows(Duration.ZERO, "day = count() over 1d tumbling", "total = sum(amount)");
    long day = 86_400_000L;
    w.apply("k", day - 1, 1);
    assertThat(w.out).containsExactly(1, 1);
    w.apply("k", day, 2);
    assertThat(w.out).containsExactly(1, 3);
    w.apply("k", 2 * day - 1, 4);
    assertThat(w.out).containsExactly(2, 7);
  }

  @Test
  void shouldGiveLastValueAndTimeSincePreviousMissingOnTheFirstEvent() {
    Windows w = new Windows(Duration.ofSeconds(10), "last_amount = last(amount)", "gap = since_previous()",
        "mean = mean(amount) over 1h");
    w.apply("k", 1_000, 5);
    assertThat(w.out).containsExactly(5, NAN, 5);
    w.apply("k", 4_000, NAN);                     // no amount: last keeps 5, the mean has nothing new
    assertThat(w.out).containsExactly(5, 3_000, 5);
    // out of order, but newer than the latest event with an amount (1 s): last becomes 9; the gap is 0
    w.apply("k", 3_000, 9);
    assertThat(w.out).containsExactly(9, 0, 7);
  }

  @Test
  void shouldCountDistinctValuesPerWindow() {
    Windows w = new Windows(Duration.ZERO, "merchants = distinct(merchant) over 1h", "ever = distinct(merchant)");
    for (String m : new String[] {"a", "b", "a", "c", "b"}) {
      w.apply("k", 1_000, 1, m, KeyState.NO_POSITION);
    }
    assertThat(w.out).containsExactly(3, 3);
    w.apply("k", 3_700_000, 1, "d", KeyState.NO_POSITION); // an hour later: only d in the window
    assertThat(w.out).containsExactly(1, 4);
  }

  @Test
  void shouldKeepKeysApart() {
    Windows w = new Windows(Duration.ZERO, "n = count() over 1h");
    w.apply("a", 1, 1);
    w.apply("a", 2, 1);
    w.apply("b", 3, 1);
    assertThat(w.out).containsExactly(1);
    assertThat(w.engine.store().size()).isEqualTo(2);
  }

  @Test
  void shouldRefuseLateEventsAndLeaveTheStateAlone() {
    Windows w = new Windows(Duration.ofSeconds(30), "n = count() over 1h");
    w.apply("k", 100_000, 1);
    assertThat(w.apply("k", 70_000, 1)).isEqualTo(WindowEngine.Result.APPLIED);   // exactly at the watermark
    assertThat(w.out).containsExactly(2);
    byte[] before = new KeyStateCodec(w.layout).encode(w.state("k"));

    assertThat(w.apply("k", 69_999, 1)).isEqualTo(WindowEngine.Result.LATE);
    assertThat(w.engine.watermark(w.state("k"))).isEqualTo(70_000);
    assertThat(new KeyStateCodec(w.layout).encode(w.state("k"))).isEqualTo(before);
    assertThat(w.state("k").maxTime()).isEqualTo(100_000);
  }

  @Test
  void shouldSkipEventsAtOrBelowTheHighestPositionApplied() {
    Windows w = new Windows(Duration.ZERO, "n = count() over 1h", "s = sum(amount)");
    w.apply("k", 1_000, 5, null, 7);
    w.apply("k", 2_000, 6, null, 8);

    assertThat(w.apply("k", 2_000, 6, null, 8)).isEqualTo(WindowEngine.Result.ALREADY_APPLIED);
    assertThat(w.out).containsExactly(2, 11);
    assertThat(w.apply("k", 1_000, 5, null, 7)).isEqualTo(WindowEngine.Result.ALREADY_APPLIED);
    assertThat(w.apply("k", 3_000, 1, null, 9)).isEqualTo(WindowEngine.Result.APPLIED);
    assertThat(w.out).containsExactly(3, 12);
    assertThat(w.state("k").lastPosition()).isEqualTo(9);
  }

  @Test
  void shouldReachTheSameFinalStateWhenEventsArriveOutOfOrderWithinTheLateness() {
    String[] lines = {"n = count() over 1m", "s = sum(amount) over 1h every 5m", "sd = stddev(amount) over 24h",
        "lo = min(amount) over 1m", "d = distinct(merchant) over 1h", "l = last(amount)", "t = count() over 1d tumbling"};
    Windows inOrder = new Windows(Duration.ofMinutes(2), lines);
    Windows shuffled = new Windows(Duration.ofMinutes(2), lines);
    long[] times = new long[400];
    for (int i = 0; i < times.length; i++) {
      times[i] = 1_700_000_000_000L + i * 7_000L;
    }
    for (long t : times) {
      inOrder.apply("k", t, t % 1000 / 8.0, "m" + t % 13, KeyState.NO_POSITION);
    }
    for (int i = 0; i < times.length; i += 10) {       // each block of ten (70 s) arrives backwards
      for (int j = Math.min(i + 9, times.length - 1); j >= i; j--) {
        assertThat(shuffled.apply("k", times[j], times[j] % 1000 / 8.0, "m" + times[j] % 13, KeyState.NO_POSITION))
            .isEqualTo(WindowEngine.Result.APPLIED);
      }
    }
    KeyStateCodec codec = new KeyStateCodec(inOrder.layout);

    assertThat(codec.encode(shuffled.state("k"))).isEqualTo(codec.encode(inOrder.state("k")));
    inOrder.apply("k", times[399] + 1, 3, "x", KeyState.NO_POSITION);
    shuffled.apply("k", times[399] + 1, 3, "x", KeyState.NO_POSITION);
    assertThat(shuffled.out).containsExactly(inOrder.out);
  }

  @Test
  void shouldDropBucketsNoEventWithinTheLatenessCanReach() {
    Windows w = new Windows(Duration.ofMinutes(1), "n = count() over 1h");
    for (int i = 0; i < 10_000; i++) {
      w.apply("k", i * 1_000L, 1);
    }
    // 60 one-minute buckets, plus the one the lateness reaches back into
    assertThat(w.state("k").buckets()).isEqualTo(61);
    // the last event, at 9,999 s, is in minute 166: the window is minutes 107 to 166, 6,420 s to 9,999 s
    assertThat(w.out).containsExactly(3_580);
  }
}
