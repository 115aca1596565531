package dev.gyre.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StageMetricsTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final StageMetrics metrics = new StageMetrics(registry, "sensor", "transform");

  private double events(String outcome) {
    return registry.get("gyre.stage.events").tags("pipeline", "sensor", "stage", "transform", "outcome", outcome)
        .counter().count();
  }

  @Test
  void shouldTagEventsWithOutcomesInOutAndDeadLetterFromTheStart() {
    assertThat(registry.get("gyre.stage.events").counters())
        .extracting(c -> c.getId().getTag("outcome"))
        .containsExactlyInAnyOrder("in", "out", "dead_letter");
    assertThat(registry.get("gyre.stage.events").counters()).allSatisfy(c -> {
      assertThat(c.getId().getTag("pipeline")).isEqualTo("sensor");
      assertThat(c.getId().getTag("stage")).isEqualTo("transform");
      assertThat(c.count()).isZero();
    });
  }

  @Test
  void shouldCountEventsByOutcome() {
    metrics.received();
    metrics.received();
    metrics.received();
    metrics.emitted(12);
    metrics.emitted(-1);
    metrics.deadLettered("missing-field");

    assertThat(events("in")).isEqualTo(3);
    assertThat(events("out")).isEqualTo(2);
    assertThat(events("dead_letter")).isEqualTo(1);
    assertThat(metrics.inCount()).isEqualTo(3);
    assertThat(metrics.outCount()).isEqualTo(2);
    assertThat(metrics.deadLetterCount()).isEqualTo(1);
  }

  @Test
  void shouldCountDeadLettersByReason() {
    metrics.deadLettered("missing-field");
    metrics.deadLettered("formula-error");
    metrics.deadLettered("missing-field");

    assertThat(registry.get("gyre.stage.dead.letters").counters())
        .extracting(c -> c.getId().getTag("reason") + "=" + (long) c.count())
        .containsExactlyInAnyOrder("missing-field=2", "formula-error=1");
  }

  @Test
  void shouldRecordLatencyOnlyWhenIngestionTimeIsKnown() {
    metrics.emitted(40);
    metrics.emitted(-1);
    metrics.emitted(0);

    assertThat(metrics.latency().count()).isEqualTo(2);
    assertThat(metrics.latency().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
    assertThat(registry.get("gyre.stage.latency").tags("stage", "transform").timer()).isSameAs(metrics.latency());
  }

  @Test
  void shouldRecordProcessTime() {
    metrics.processed(1_500);
    metrics.processed(2_500);

    assertThat(metrics.processTime().count()).isEqualTo(2);
    assertThat(metrics.processTime().totalTime(TimeUnit.NANOSECONDS)).isEqualTo(4_000);
  }

  @Test
  void shouldShareInstrumentsBetweenInstancesOfOneStage() {
    StageMetrics other = new StageMetrics(registry, "sensor", "transform");
    StageMetrics score = new StageMetrics(registry, "sensor", "score");

    metrics.received();
    other.received();
    score.received();

    assertThat(events("in")).isEqualTo(2);
    assertThat(metrics.inCount()).isEqualTo(2);
    Counter scoreIn = registry.get("gyre.stage.events").tags("stage", "score", "outcome", "in").counter();
    assertThat(scoreIn.count()).isEqualTo(1);
  }
}
