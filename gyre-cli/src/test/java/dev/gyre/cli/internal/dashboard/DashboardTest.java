package dev.gyre.cli.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.gyre.core.metrics.StageMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's HTTP surface: the static page and its files, {@code /api/status}, and refusals. */
class DashboardTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;
  private Dashboard dashboard;
  private String base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    dashboard = Dashboard.serve(server, registry, "sensor", List.of("transform"), Map.of(), Clock.systemUTC());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    dashboard.close();
    server.stop(0);
  }

  @Test
  void shouldServeThePageAndItsFilesWithoutAnythingFromElsewhere() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("<script src=\"dashboard.js\">").contains("href=\"dashboard.css\"")
        .doesNotContain("http://").doesNotContain("https://");
    assertThat(get("/dashboard.js").body()).contains("fetch('api/status'").doesNotContain("https://");
    assertThat(get("/dashboard.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(get("/dashboard.css").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswerStatusAsJson() throws Exception {
    StageMetrics transform = new StageMetrics(registry, "sensor", "transform");
    transform.received();
    transform.deadLettered("malformed-json");
    dashboard.history().sample();

    HttpResponse<String> status = get("/api/status");

    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode json = new ObjectMapper().readTree(status.body());
    assertThat(json.get("pipeline").asText()).isEqualTo("sensor");
    assertThat(json.get("stages").get(0).get("in").asLong()).isEqualTo(1);
    assertThat(json.get("deadLetters").get(0).get("reason").asText()).isEqualTo("malformed-json");
  }

  @Test
  void shouldRefuseUnknownPathsAndOtherMethods() throws Exception {
    assertThat(get("/secrets").statusCode()).isEqualTo(404);
    assertThat(get("/../pom.xml").statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/status"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
