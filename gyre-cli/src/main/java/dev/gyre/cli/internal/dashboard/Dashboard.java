package dev.gyre.cli.internal.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gyre.core.serving.ModelRouter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live dashboard of a running pipeline, served next to {@code /metrics}: {@code /} is a static
 * page (HTML, JavaScript and CSS from this package's resources, no build step and nothing fetched
 * from elsewhere) that polls {@code /api/status} once a second. A daemon thread samples the meter
 * registry once a second into a {@link MeterHistory} of the last minute; each request builds its
 * answer from that history, so a request costs no more than reading a minute of samples.
 */
public final class Dashboard implements AutoCloseable {
  /** Samples kept: one a second for the sparklines' minute, plus one to take differences from. */
  static final int SAMPLES = StatusReport.SPARKLINE_POINTS + 1;
  private static final Map<String, String> FILES = Map.of(
      "/", "index.html", "/index.html", "index.html", "/dashboard.js", "dashboard.js", "/dashboard.css", "dashboard.css");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final MeterHistory history;
  private final ScheduledExecutorService sampler;

  private Dashboard(MeterHistory history, ScheduledExecutorService sampler) {
    this.history = history;
    this.sampler = sampler;
  }

  /**
   * Serves the dashboard of one pipeline on {@code server} and starts sampling {@code registry}.
   *
   * @param stages  the pipeline's stage names in data-flow order
   * @param routers the score stages' model routers by stage name, read live for the models in service
   */
  public static Dashboard serve(HttpServer server, MeterRegistry registry, String pipeline, List<String> stages,
      Map<String, ModelRouter> routers, Clock clock) {
    long startedAt = clock.millis();
    MeterHistory history = new MeterHistory(registry, clock, SAMPLES);
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "gyre-dashboard-sampler");
      thread.setDaemon(true);
      return thread;
    });
    sampler.scheduleAtFixedRate(history::sample, 0, 1, TimeUnit.SECONDS);
    server.createContext("/api/status", exchange -> respond(exchange, () -> MAPPER.writeValueAsBytes(
        StatusReport.build(pipeline, startedAt, stages, routers, new SampleWindow(history.samples()))),
        "application/json"));
    server.createContext("/", exchange -> {
      String file = FILES.get(exchange.getRequestURI().getPath());
      if (file == null) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found; the dashboard is at /".getBytes(StandardCharsets.UTF_8));
        return;
      }
      respond(exchange, () -> resource(file), TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
    });
    return new Dashboard(history, sampler);
  }

  private interface Body {
    byte[] get() throws IOException;
  }

  private static void respond(HttpExchange exchange, Body body, String type) throws IOException {
    if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
      send(exchange, 405, "text/plain; charset=utf-8", "only GET".getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] bytes;
    try {
      bytes = body.get();
    } catch (IOException | RuntimeException e) {
      send(exchange, 500, "text/plain; charset=utf-8", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
      return;
    }
    send(exchange, 200, type, bytes);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(body);
      }
    }
  }

  private static byte[] resource(String file) throws IOException {
    try (InputStream in = Dashboard.class.getResourceAsStream("/dev/gyre/cli/dashboard/" + file)) {
      if (in == null) {
        throw new IOException("the dashboard resource " + file + " is missing from the jar");
      }
      return in.readAllBytes();
    }
  }

  /** The history behind the page; tests sample it by hand. */
  MeterHistory history() {
    return history;
  }

  /** Stops sampling; the server's contexts go away with the server. */
  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
