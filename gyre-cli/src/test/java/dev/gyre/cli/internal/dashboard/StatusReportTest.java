package dev.gyre.cli.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.api.Model;
import dev.gyre.api.Prediction;
import dev.gyre.core.metrics.StageMetrics;
import dev.gyre.core.serving.ModelRouter;
import dev.gyre.registry.internal.ServingMetrics;
import dev.gyre.sinks.internal.SinkMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code /api/status} reports, from real meters sampled on a controlled clock. */
class StatusReportTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MutableClock clock = new MutableClock();
  private final MeterHistory history = new MeterHistory(registry, clock, Dashboard.SAMPLES);
  private final StageMetrics transform = new StageMetrics(registry, "sensor", "transform");
  private final StageMetrics score = new StageMetrics(registry, "sensor", "score");
  private final ModelRouter router = new ModelRouter(new FixedModel("sensor-warming", "3"));

  @Test
  void shouldReportCountsRatesSparklineAndDeadLettersPerStage() {
    history.sample();
    for (int second = 0; second < 6; second++) {
      for (int i = 0; i < 50; i++) {
        transform.received();
        if (i < 2) {
          transform.deadLettered("wrong-type");
        } else {
          transform.emitted(5);
        }
      }
      tick();
    }
    JsonNode status = report();

    assertThat(status.get("pipeline").asText()).isEqualTo("sensor");
    assertThat(status.get("uptimeSeconds").asLong()).isEqualTo(6);
    assertThat(status.get("stages").findValuesAsText("name")).containsExactly("transform", "score");
    JsonNode first = status.get("stages").get(0);
    assertThat(first.get("in").asLong()).isEqualTo(300);
    assertThat(first.get("out").asLong()).isEqualTo(288);
    assertThat(first.get("deadLetters").asLong()).isEqualTo(12);
    assertThat(first.get("inRate").asDouble()).isEqualTo(50.0);
    assertThat(first.get("outRate").asDouble()).isEqualTo(48.0);
    assertThat(first.get("deadLetterRate").asDouble()).isEqualTo(2.0);
    assertThat(first.get("throughput").toString()).isEqualTo("[50.0,50.0,50.0,50.0,50.0,50.0]");
    assertThat(first.get("latencyP50Ms").asDouble()).isBetween(4.47, 5.6); // the 5 ms bucket's bounds
    assertThat(status.get("stages").get(1).get("in").asLong()).isZero();
    assertThat(status.get("stages").get(1).get("latencyP99Ms").isNull()).as("no event, no percentile").isTrue();
    JsonNode deadLetter = status.get("deadLetters").get(0);
    assertThat(deadLetter.get("kind").asText() + " " + deadLetter.get("name").asText() + " "
        + deadLetter.get("reason").asText() + " " + deadLetter.get("count").asLong()).isEqualTo("stage transform wrong-type 12");
  }

  @Test
  void shouldComputeLatencyPercentilesOverTheLastTenSecondsOnly() {
    history.sample();
    for (int i = 0; i < 1000; i++) {
      transform.emitted(900);
    }
    tick();
    for (int second = 0; second < 12; second++) {
      for (int i = 0; i < 100; i++) {
        transform.emitted(5);
      }
      tick();
    }
    JsonNode first = report().get("stages").get(0);

    assertThat(first.get("latencyP99Ms").asDouble()).as("the slow events are older than the window").isBetween(4.47, 5.6);
  }

  @Test
  void shouldListModelsInServiceWithTheirPredictionsByVersion() {
    ServingMetrics serving = new ServingMetrics(registry, router, "sensor", "score", "sensor-warming");
    serving.predictions("3").increment(40);
    router.canary(new FixedModel("sensor-warming", "4"), 0.25);
    history.sample();

    JsonNode models = report().get("models");

    assertThat(models.size()).isEqualTo(2);
    assertThat(models.get(0).toString()).isEqualTo("{\"stage\":\"score\",\"model\":\"sensor-warming\",\"version\":\"3\","
        + "\"role\":\"champion\",\"share\":0.75,\"predictions\":40,\"predictionRate\":0.0}");
    assertThat(models.get(1).toString()).isEqualTo("{\"stage\":\"score\",\"model\":\"sensor-warming\",\"version\":\"4\","
        + "\"role\":\"canary\",\"share\":0.25,\"predictions\":null,\"predictionRate\":null}");
  }

  @Test
  void shouldShowSinksQualityAndOtherMetersOnceTheyExist() {
    history.sample();
    assertThat(report().get("sinks").size()).isZero();
    assertThat(report().get("quality").size()).isZero();

    new SinkMetrics(registry, "sensor", "predictions-db");
    Gauge.builder("gyre.learn.accuracy", () -> 0.875).tags("pipeline", "sensor", "stage", "score").register(registry);
    Gauge.builder("gyre.window.keys", () -> 12).tags("pipeline", "sensor", "stage", "transform").register(registry);
    history.sample();
    JsonNode status = report();

    assertThat(status.get("sinks").get(0).get("name").asText()).isEqualTo("predictions-db");
    assertThat(status.get("sinks").get(0).get("written").asLong()).isZero();
    assertThat(status.get("quality").toString())
        .isEqualTo("[{\"name\":\"gyre.learn.accuracy\",\"type\":\"gauge\",\"tags\":{\"stage\":\"score\"},\"value\":0.875,\"rate\":null}]");
    assertThat(status.get("otherMetrics").findValuesAsText("name")).containsExactly("gyre.window.keys");
  }

  private JsonNode report() {
    return StatusReport.build("sensor", 0, List.of("transform", "score"), Map.of("score", router),
        new SampleWindow(history.samples()));
  }

  private void tick() {
    clock.now = clock.now.plusSeconds(1);
    history.sample();
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.EPOCH;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private record FixedModel(String name, String version) implements Model {
    @Override
    public List<String> inputs() {
      return List.of("x");
    }

    @Override
    public Prediction predict(float[] features) {
      throw new UnsupportedOperationException("not scored in this test");
    }

    @Override
    public void close() {}
  }
}
