package dev.gyre.cli.internal;

import com.sun.net.httpserver.HttpServer;
import dev.gyre.api.StageException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Serves a Prometheus registry's scrape text at {@code /metrics} on the JDK's HTTP server. */
public final class MetricsServer implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /** Starts serving on {@code port} (0 picks a free one); {@code port < 0} serves nothing. */
  public static MetricsServer start(String host, int port) {
    if (port < 0) {
      return new MetricsServer(null);
    }
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
      MetricsServer metrics = new MetricsServer(http);
      http.createContext("/metrics", exchange -> {
        byte[] body = metrics.registry.scrape().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      http.start();
      return metrics;
    } catch (IOException e) {
      throw new StageException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage()
          + "; choose another --metrics-port (or -1 for none)", false, e);
    }
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The URL metrics are served at, or {@code null} when not served. */
  public String url() {
    return server == null ? null
        : "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/metrics";
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
    registry.close();
  }
}
