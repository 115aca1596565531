package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.cli.demo.SensorData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard of {@code gyre run}, as a person sees it: a real headless Chromium loads the page
 * while events stream through the sensor pipeline, and what the page shows is checked (stage names,
 * counts that grow, the dead letters this test provoked on purpose, the model in service), with a
 * screenshot at laptop size in {@code target/dashboard-it.png}. Needs Chromium
 * ({@code apt-get install -y chromium}), Node.js 20+ and npm (see {@link BrowserCheck}).
 */
class DashboardIT {
  private static final int MALFORMED = 25;
  private static final Path SCREENSHOT = Path.of("target", "dashboard-it.png");

  @Test
  void shouldShowLiveStagesDeadLettersAndModelsInARealBrowser(@TempDir Path dir) throws Exception {
    Path chromium = BrowserCheck.chromium();
    BrowserCheck.install();
    Path spec = CliRun.sensorExample(dir.resolve("sensor"));
    Path csv = dir.resolve("train.csv");
    SensorData.read(dir.resolve("sensor/data/seattle-temps.csv")).writeTrainingSet(csv);
    assertThat(CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warming").exitCode()).isZero();

    try (GyreRunProcess gyre = GyreRunProcess.start(spec, dir.resolve("pulsar"), "--metrics-port", "0",
             "--progress-every", "0s");
         PulsarClient client = PulsarClient.builder().serviceUrl(gyre.serviceUrl).build()) {
      assertThat(gyre.dashboardUrl).as(gyre.output()).startsWith("http://localhost:").endsWith("/");
      AtomicBoolean sending = new AtomicBoolean(true);
      Thread sender = new Thread(() -> send(client, sending), "dashboard-it-sender");
      sender.start();
      try {
        BrowserCheck.Result check = BrowserCheck.check(gyre.dashboardUrl, chromium, "--stages", "transform,score",
            "--reason", "wrong-type", "--count", String.valueOf(MALFORMED), "--screenshot", SCREENSHOT.toAbsolutePath().toString());
        assertThat(check.exitCode()).as(check.err() + "\n" + gyre.output()).isZero();
        assertWhatThePageShows(new ObjectMapper().readTree(check.out().strip().lines().reduce((a, b) -> b).orElseThrow()));
        String metrics = get(gyre.dashboardUrl + "metrics");
        assertThat(metrics).as("/metrics still works on the same port").contains("gyre_stage_events_total{")
            .contains("reason=\"wrong-type\"");
      } finally {
        sending.set(false);
        sender.join(10_000);
      }
    }
    assertThat(Files.size(SCREENSHOT)).as("screenshot").isPositive();
  }

  private static void assertWhatThePageShows(JsonNode page) {
    JsonNode first = page.get("first");
    JsonNode second = page.get("second");
    JsonNode last = page.get("last");
    assertThat(last.get("pipeline").asText()).isEqualTo("sensor");
    assertThat(last.get("connection").asText()).startsWith("live");
    assertThat(last.get("stages").findValuesAsText("name")).containsExactly("transform", "score");
    long firstIn = count(first, 0, "in");
    assertThat(firstIn).isPositive();
    assertThat(count(second, 0, "in")).as("events into transform grow between two reads").isGreaterThan(firstIn);
    assertThat(count(second, 1, "out")).as("predictions out grow").isGreaterThan(count(first, 1, "out"));
    assertThat(last.at("/stages/0/fields/inRate").asText()).isNotEqualTo("0");
    assertThat(last.at("/stages/1/fields/latencyP99Ms").asText()).endsWith(" ms");
    assertThat(last.at("/stages/0/sparklinePixels").asInt()).as("the sparkline is drawn").isPositive();
    assertThat(last.get("deadLetters")).as("only the dead letters provoked on purpose").hasSize(1);
    List<String> deadLetters = texts(last.at("/deadLetters/0"));
    assertThat(deadLetters.subList(0, 3)).containsExactly("stage transform", "wrong-type", String.valueOf(MALFORMED));
    assertThat(count(last, 0, "deadLetters")).isEqualTo(MALFORMED);
    assertThat(count(last, 1, "deadLetters")).isZero();
    List<String> model = texts(last.at("/models/0"));
    assertThat(List.of(model.get(0), model.get(1), model.get(3), model.get(4)))
        .containsExactly("score", "sensor-warming", "champion", "100 %");
    assertThat(last.at("/layout/scrollWidth").asInt()).as("no horizontal scrolling at 1366x768").isLessThanOrEqualTo(1366);
  }

  private static long count(JsonNode read, int stage, String field) {
    return Long.parseLong(read.at("/stages/" + stage + "/fields/" + field).asText().replace(",", ""));
  }

  private static List<String> texts(JsonNode row) {
    return java.util.stream.StreamSupport.stream(row.spliterator(), false).map(JsonNode::asText).toList();
  }

  /** About 500 events a second until stopped; one in each of the first 25 batches has a string temperature. */
  private static void send(PulsarClient client, AtomicBoolean sending) {
    try (Producer<byte[]> producer = client.newProducer(Schema.BYTES).topic("persistent://ml/raw/sensor-input")
        .batcherBuilder(BatcherBuilder.KEY_BASED).create()) {
      for (int batch = 0, i = 0; sending.get(); batch++) {
        for (int n = 0; n < 50; n++, i++) {
          boolean malformed = n == 0 && batch < MALFORMED;
          String temp = malformed ? "\"warm\"" : "40.5";
          String json = "{\"deviceId\": \"d" + (i % 5) + "\", \"temp\": " + temp + ", \"ts\": " + (1_262_304_000L + i * 3600L) + "}";
          producer.newMessage().key("d" + (i % 5)).value(json.getBytes(StandardCharsets.UTF_8)).sendAsync();
        }
        producer.flush();
        Thread.sleep(100);
      }
    } catch (Exception e) {
      if (sending.get()) {
        throw new IllegalStateException("the sender stopped: " + e.getMessage(), e);
      }
    }
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
