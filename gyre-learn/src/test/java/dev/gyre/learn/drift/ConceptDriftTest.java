package dev.gyre.learn.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Error streams are Bernoulli draws: a 20% error rate that jumps to 50% at index 10,000. */
class ConceptDriftTest {
  static final int CHANGE_AT = 10_000;
  final Clock clock = Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC);

  static List<Long> alerts(ConceptDriftDetector detector, Clock clock, long seed, double after, int n) {
    ErrorDriftMonitor monitor = new ErrorDriftMonitor(detector, clock);
    SplittableRandom r = new SplittableRandom(seed);
    List<Long> at = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double rate = i < CHANGE_AT ? 0.2 : after;
      if (monitor.addError(r.nextDouble() < rate).isPresent()) {
        at.add((long) i);
      }
    }
    return at;
  }

  void shouldStayQuietWhenStationaryAndFireSoonAfterAJump(Supplier<ConceptDriftDetector> detector, long maxDelay) {
    for (long seed = 1; seed <= 5; seed++) {
      assertThat(alerts(detector.get(), clock, seed, 0.2, 2 * CHANGE_AT)).as("seed %d, stationary", seed).isEmpty();
      List<Long> alerts = alerts(detector.get(), clock, seed, 0.5, CHANGE_AT + 2000);
      assertThat(alerts).as("seed %d, jump", seed).isNotEmpty();
      assertThat(alerts.get(0)).as("seed %d", seed).isBetween((long) CHANGE_AT, CHANGE_AT + maxDelay);
    }
  }

  @Test
  void adwinShouldStayQuietWhenStationaryAndFireWithin200ValuesOfAJump() {
    shouldStayQuietWhenStationaryAndFireSoonAfterAJump(() -> new Adwin(0.002), 200);
  }

  @Test
  void pageHinkleyShouldStayQuietWhenStationaryAndFireWithin300ValuesOfAJump() {
    shouldStayQuietWhenStationaryAndFireSoonAfterAJump(() -> new PageHinkley(0.005, 50, 30), 300);
  }

  @Test
  void adwinShouldShrinkItsWindowToTheNewData() {
    Adwin adwin = new Adwin(0.002);
    for (int i = 0; i < 5000; i++) {
      adwin.add(0);
    }
    assertThat(adwin.width()).isEqualTo(5000);
    assertThat(adwin.mean()).isZero();

    int i = 0;
    while (!adwin.add(1)) {
      i++;
    }

    assertThat(i).isLessThan(20);
    assertThat(adwin.increased()).isTrue();
    assertThat(adwin.width()).isLessThan(5000);
  }

  @Test
  void shouldNotAlertWhenTheErrorFalls() {
    ErrorDriftMonitor monitor = new ErrorDriftMonitor(new Adwin(0.002), clock);
    SplittableRandom r = new SplittableRandom(9);
    int alerts = 0;
    for (int i = 0; i < 10_000; i++) {
      alerts += monitor.addError(r.nextDouble() < (i < 5000 ? 0.5 : 0.1)).isPresent() ? 1 : 0;
    }
    assertThat(alerts).isZero();
    assertThat(monitor.observations()).isEqualTo(10_000);
  }
}
