package dev.gyre.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The search and the sustained criterion, against a simulated system with a known capacity. */
class ThroughputSearchTest {

  private static List<Long> search(ThroughputSearch search, long capacity) {
    List<Long> tried = new ArrayList<>();
    for (OptionalLong rate = search.next(); rate.isPresent(); rate = search.next()) {
      tried.add(rate.getAsLong());
      search.record(rate.getAsLong(), rate.getAsLong() <= capacity);
    }
    return tried;
  }

  @Test
  void shouldDoubleThenBisectTowardsTheCapacity() {
    ThroughputSearch search = new ThroughputSearch(10_000, 2_560_000, 3, 1_000);

    List<Long> tried = search(search, 100_000);

    assertThat(tried).containsExactly(10_000L, 20_000L, 40_000L, 80_000L, 160_000L, 120_000L, 100_000L, 110_000L);
    assertThat(search.best()).isEqualTo(100_000);
    assertThat(search.reachedMaxRate()).isFalse();
  }

  @Test
  void shouldStopAtTheMaximumRateWhenEverythingPasses() {
    ThroughputSearch search = new ThroughputSearch(20_000, 100_000, 2, 1_000);

    assertThat(search(search, Long.MAX_VALUE)).containsExactly(20_000L, 40_000L, 80_000L, 100_000L);
    assertThat(search.best()).isEqualTo(100_000);
    assertThat(search.reachedMaxRate()).isTrue();
  }

  @Test
  void shouldBisectBelowTheStartRateWhenItFails() {
    ThroughputSearch search = new ThroughputSearch(10_000, 100_000, 2, 1_000);

    assertThat(search(search, 3_000)).containsExactly(10_000L, 5_000L, 3_000L);
    assertThat(search.best()).isEqualTo(3_000);
  }

  @Test
  void shouldRefuseAResultForAnotherRate() {
    ThroughputSearch search = new ThroughputSearch(10_000, 100_000, 2, 1_000);
    search.next();

    assertThatThrownBy(() -> search.record(20_000, true)).isInstanceOf(IllegalStateException.class);
  }

  private static Step step(long rate, long sent, double seconds, long delivered, double p99, boolean drained) {
    return new Step("search", rate, seconds, sent, sent, seconds, delivered, sent, 0, false, drained,
        new Latency(sent, p99 / 2, p99 / 1.5, p99, p99 * 1.2, p99 * 1.5), java.util.Map.of());
  }

  @Test
  void shouldSustainAStepThatKeptUpWithBoundedLatency() {
    Criterion criterion = Criterion.defaults();

    assertThat(criterion.failures(step(10_000, 100_000, 10, 99_900, 12, true))).isEmpty();
  }

  @Test
  void shouldNotSustainAStepWhoseBacklogGrewOrWhoseLatencyWasUnbounded() {
    Criterion criterion = new Criterion(0.95, Duration.ofMillis(500));

    assertThat(criterion.failures(step(10_000, 100_000, 10, 90_000, 12, true)))
        .containsExactly("delivered 90.0% while sending");
    assertThat(criterion.failures(step(10_000, 100_000, 10, 99_000, 800, true))).containsExactly("p99 800.0 ms");
    assertThat(criterion.failures(step(10_000, 80_000, 10, 80_000, 10, true))).containsExactly("sent only 8000/s");
    assertThat(criterion.failures(step(10_000, 100_000, 10, 99_000, 10, false))).containsExactly("did not drain");
  }
}
