package dev.gyre.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, timeouts, the fallback, the circuit breaker and the concurrency limit, against injected faults. */
class RemoteResilienceTest {
  /** y = 1.5 x0 + 2.5 x1 + 3.5 x2. */
  private static final float[] ROW = {1f, 1f, 1f};
  private static final Prediction SCORE = new Prediction("7.5", 7.5);
  private static final Prediction FALLBACK = new Prediction("0", 0.0, Prediction.FALLBACK);

  @TempDir Path dir;
  private KServeV2TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = KServeV2TestServer.start(Map.of("reg", TestModels.regression(dir.resolve("reg.onnx"), 3)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RemoteModel model(Clock clock, Map<String, String> options) {
    return RemoteModel.load(ModelDescriptor.remote("reg", "1", "kserve-v2", server.url(), List.of("a", "b", "c"),
        options), clock);
  }

  private RemoteModel model(Map<String, String> options) {
    return model(Clock.systemUTC(), options);
  }

  @Test
  void shouldRecoverFromTwoInjected503sByRetrying() {
    server.failNext(2, 503);
    try (RemoteModel model = model(Map.of("retries", "2", "backoff", "PT0.01S"))) {
      assertThat(model.predict(ROW)).isEqualTo(SCORE);
      assertThat(server.inferRequests()).isEqualTo(3);
      assertThat(model.stats()).isEqualTo(new RemoteStats(1, 0, 2, 0, 0, "CLOSED", 0));
    }
  }

  @Test
  void shouldNotRetryARequestTheServerRefusesWith4xx() {
    server.failNext(1, 400);
    try (RemoteModel model = model(Map.of("retries", "2", "backoff", "PT0.01S"))) {
      ModelException e = catchThrowableOfType(ModelException.class, () -> model.predict(ROW));
      assertThat(e).hasMessageContaining("model 'reg' at " + server.url() + ": the call to " + server.url()
          + "/v2/models/reg/infer failed: POST " + server.url() + "/v2/models/reg/infer answered 400");
      assertThat(server.inferRequests()).isEqualTo(1);
    }
  }

  @Test
  void shouldAnswerWithFallbackWhenTimeoutsExhaustTheRetries() {
    server.delay(Duration.ofMillis(400));
    try (RemoteModel model = model(Map.of("timeout", "PT0.1S", "retries", "1", "backoff", "PT0.01S",
        "fallback", "value", "fallbackLabel", "0", "fallbackProbability", "0.0"))) {
      Prediction[] predictions = model.predictBatch(FloatBuffer.wrap(new float[] {1, 1, 1, 2, 2, 2, 3, 3, 3}), 3);

      assertThat(predictions).containsExactly(FALLBACK, FALLBACK, FALLBACK);
      assertThat(predictions[0].isFallback()).isTrue();
      assertThat(server.inferRequests()).isEqualTo(2);
      assertThat(model.stats()).isEqualTo(new RemoteStats(1, 1, 1, 0, 3, "CLOSED", 0));
    }
  }

  @Test
  void shouldThrowRetriableModelExceptionWhenConnectionsDropAndThereIsNoFallback() {
    server.dropNext(3);
    try (RemoteModel model = model(Map.of("retries", "2", "backoff", "PT0.01S"))) {
      ModelException e = catchThrowableOfType(ModelException.class, () -> model.predict(ROW));

      assertThat(e.retriable()).isTrue();
      assertThat(e).hasMessageStartingWith("model 'reg' at " + server.url() + ": the call to " + server.url()
          + "/v2/models/reg/infer failed: POST " + server.url() + "/v2/models/reg/infer failed: java.io.IOException");
      assertThat(server.inferRequests()).isEqualTo(3);
      assertThat(model.predict(ROW)).isEqualTo(SCORE);
    }
  }

  @Test
  void shouldOpenCircuitAfterFailuresInARowAndCloseItWhenTheProbeSucceeds() {
    MutableClock clock = new MutableClock();
    server.failNext(1000, 503);
    try (RemoteModel model = model(clock, Map.of("retries", "0", "circuitFailures", "3", "circuitCoolDown", "PT10S",
        "fallback", "value", "fallbackLabel", "0"))) {
      for (int i = 0; i < 8; i++) {
        assertThat(model.predict(ROW)).isEqualTo(FALLBACK);
      }
      assertThat(server.inferRequests()).as("calls stop reaching the server once the circuit opens").isEqualTo(3);
      assertThat(model.stats()).isEqualTo(new RemoteStats(8, 8, 0, 5, 8, "OPEN", 1));

      clock.advance(Duration.ofSeconds(10));
      assertThat(model.predict(ROW)).as("the probe fails: open again").isEqualTo(FALLBACK);
      assertThat(model.predict(ROW)).isEqualTo(FALLBACK);
      assertThat(server.inferRequests()).isEqualTo(4);
      assertThat(model.stats().circuit()).isEqualTo("OPEN");

      server.failNext(0, 503);
      clock.advance(Duration.ofSeconds(9));
      assertThat(model.predict(ROW)).as("the cool-down restarted with the failed probe").isEqualTo(FALLBACK);
      clock.advance(Duration.ofSeconds(1));
      assertThat(model.predict(ROW)).isEqualTo(SCORE);
      assertThat(model.predict(ROW)).isEqualTo(SCORE);
      assertThat(server.inferRequests()).isEqualTo(6);
      assertThat(model.stats()).isEqualTo(new RemoteStats(13, 11, 0, 7, 11, "CLOSED", 2));
    }
  }

  @Test
  void shouldKeepAtMostMaxConcurrencyCallsInFlight() throws Exception {
    server.delay(Duration.ofMillis(100));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try (RemoteModel model = model(Map.of("maxConcurrency", "2", "timeout", "PT2S"))) {
      List<Future<Prediction>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(threads.submit(() -> model.predict(ROW)));
      }
      for (Future<Prediction> result : results) {
        assertThat(result.get()).isEqualTo(SCORE);
      }
      assertThat(server.inferRequests()).isEqualTo(8);
      assertThat(server.maxInFlight()).isEqualTo(2);
    } finally {
      threads.shutdownNow();
    }
  }
}
