package dev.gyre.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary states each target and whether it was met. */
class ResultsTest {

  private static ScenarioResult scenario(String name, long max, double p99) {
    Step latency = new Step("latency", 5_000, 30, 150_000, 150_000, 30, 150_000, 150_000, 0, false, true,
        new Latency(150_000, p99 / 3, p99 / 2, p99, p99 * 2, p99 * 3), Map.of());
    return new ScenarioResult(name, name, null, latency, List.of(), max, false, null);
  }

  @Test
  void shouldStateTheRatiosToRawAndWhetherTheTargetsAreMet() {
    Report report = new Report("gyre bench", "start", "end", new Machine(2, "24 GiB", "cpu", "os", "java", "4.0.8"),
        "0.1", "0.2", Settings.full(),
        List.of(scenario("raw", 500_000, 6.0), scenario("gyre", 50_000, 12.0), scenario("functions", 20_000, 40.0)));

    String md = Results.markdown(report);

    assertThat(md).contains("| raw | 500,000 | 2.0 / 6.0 / 12.0 / 18.0 |");
    assertThat(md).contains("gyre throughput / raw: 10% (target >= 40%): not met");
    assertThat(md).contains("gyre p99 / raw p99 at 5,000 events/s: 2.00x (target <= 2.5x): met");
    assertThat(md).contains("functions p99 / raw p99 at 5,000 events/s: 6.67x (target <= 2.5x): not met");
    assertThat(Results.csv(report)).hasSize(4);
  }
}
