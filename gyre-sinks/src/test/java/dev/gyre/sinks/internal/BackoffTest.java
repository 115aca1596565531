package dev.gyre.sinks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void shouldDoubleUpToTheMaximumAndStopWaitingWhenTheSinkStops() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(60)).isEqualTo(Duration.ofSeconds(5));
    assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10)).sleep(0, () -> false)).isFalse();
  }
}
