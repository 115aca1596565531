package dev.gyre.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.pulsar.PipelineRunner;
import dev.gyre.pulsar.Properties;
import dev.gyre.pulsar.TestPulsar;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pulsar.client.api.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** A webhook sink against a real broker and a JDK HTTP server that fails the first attempts. */
class WebhookSinkIT {
  /** Attempts per event id, and the body of each event accepted. */
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<String, String> accepted = new ConcurrentHashMap<>();

  private void handle(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestHeaders().getFirst("Gyre-Event-Id");
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    int status = body.contains("\"deviceId\":\"refused\"") ? 422 : attempt <= 2 ? 503 : 200;
    if (status == 200) {
      accepted.put(id, body);
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Test
  void shouldPostEveryMatchingEventAfterRetriesAndNoOther(TestInfo info) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", this::handle);
    server.start();
    String tenant = TestPulsar.tenant(info.getTestMethod().orElseThrow().getName());
    String yaml = ItPipelines.spec(tenant, """
        sinks:
          - name: alerts
            type: webhook
            input: persistent://%s/features/transformed
            url: http://127.0.0.1:%d/hook
            when: alert && deviceId != "quiet"
            timeout: 2s
            retries: 3
        """.formatted(tenant, server.getAddress().getPort()));
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String device = i == 8 ? "refused" : i == 10 ? "quiet" : "d" + (i % 4); // both hot
      payloads.add("{\"deviceId\":\"" + device + "\",\"temp\":" + (i % 2 == 0 ? 40 : 25) + ",\"seq\":" + i + "}");
    }
    try (PipelinePlan plan = ItPipelines.plan(yaml)) {
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      String features = plan.stages().get(0).outputTopic();
      try (PipelineRunner runner = ItPipelines.start(plan, metrics)) {
        ItPipelines.send(plan.spec().source().topic(), payloads);
        List<Message<byte[]>> out = ItPipelines.read(features, 40, Duration.ofSeconds(30));
        List<Message<byte[]>> deadLetters = ItPipelines.read(features + "-alerts-dlq", 1, Duration.ofSeconds(30));
        ItPipelines.await(Duration.ofSeconds(30), () -> count(metrics, "written") + count(metrics, "skipped") >= 39);

        Map<String, String> expected = new java.util.HashMap<>();
        for (Message<byte[]> m : out) {
          JsonNode event = EventCodec.mapper().readTree(m.getValue());
          String device = event.get("deviceId").asText();
          if (event.get("alert").asBoolean() && !device.equals("quiet") && !device.equals("refused")) {
            expected.put(m.getProperty(Properties.EVENT_ID), new String(m.getValue(), StandardCharsets.UTF_8));
          }
        }
        assertThat(expected).hasSize(18); // 20 hot events, less 'refused' and 'quiet'
        assertThat(accepted).as("every matching event posted, with its JSON as body").isEqualTo(expected);
        assertThat(attempts.keySet()).as("events that do not match are never posted")
            .containsExactlyInAnyOrderElementsOf(concat(expected.keySet(), deadLetters));
        expected.keySet().forEach(id -> assertThat(attempts.get(id).get()).as(id).isEqualTo(3));
        assertThat(deadLetters).singleElement().satisfies(m -> {
          assertThat(m.getProperty(Properties.REASON)).isEqualTo("webhook-rejected");
          assertThat(m.getProperty(Properties.DETAIL)).startsWith("HTTP 422 from http://127.0.0.1:");
          assertThat(attempts.get(m.getProperty(Properties.EVENT_ID)).get()).as("4xx: no retry").isEqualTo(1);
        });
        assertThat(count(metrics, "written")).isEqualTo(18);
        assertThat(count(metrics, "skipped")).isEqualTo(21);
        assertThat(count(metrics, "dead_letter")).isEqualTo(1);
      }
    } finally {
      server.stop(0);
    }
  }

  private static List<String> concat(java.util.Set<String> ids, List<Message<byte[]>> deadLetters) {
    List<String> all = new ArrayList<>(ids);
    deadLetters.forEach(m -> all.add(m.getProperty(Properties.EVENT_ID)));
    return all;
  }

  private static long count(SimpleMeterRegistry metrics, String outcome) {
    var counter = metrics.find("gyre.sink.events").tag("outcome", outcome).counter();
    return counter == null ? 0 : (long) counter.count();
  }
}
