package dev.gyre.cli.internal;

import com.sun.net.httpserver.HttpServer;
import dev.gyre.api.StageException;
import dev.gyre.cli.internal.dashboard.Dashboard;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.StagePlan;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Serves a Prometheus registry's scrape text at {@code /metrics} on the JDK's HTTP server and, once
 * {@link #serveDashboard} is called, the live dashboard at {@code /} on the same port.
 */
public final class MetricsServer implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpServer server;
  private Dashboard dashboard;

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

  /**
   * Serves the live dashboard of {@code plan} at {@code /} and its data at {@code /api/status}; does
   * nothing when no port is served. Call once, before the pipeline starts, so the page's history
   * begins with the pipeline.
   */
  public void serveDashboard(PipelinePlan plan, Clock clock) {
    if (server != null && dashboard == null) {
      List<String> stages = plan.stages().stream().map(StagePlan::name).toList();
      dashboard = Dashboard.serve(server, registry, plan.spec().name(), stages, plan.routers(), clock);
    }
  }

  /** The URL metrics are served at, or {@code null} when not served. */
  public String url() {
    return server == null ? null : base() + "/metrics";
  }

  /** The URL of the dashboard, or {@code null} when it is not served. */
  public String dashboardUrl() {
    return dashboard == null ? null : base() + "/";
  }

  /** A wildcard bind address is shown as {@code localhost}, which a browser on this machine can open. */
  private String base() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
    return "http://" + host + ":" + address.getPort();
  }

  @Override
  public void close() {
    if (dashboard != null) {
      dashboard.close();
    }
    if (server != null) {
      server.stop(0);
    }
    registry.close();
  }
}
