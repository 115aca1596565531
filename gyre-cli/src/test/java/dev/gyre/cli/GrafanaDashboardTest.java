package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.api.Model;
import dev.gyre.api.Prediction;
import dev.gyre.core.metrics.StageMetrics;
import dev.gyre.core.serving.ModelRouter;
import dev.gyre.registry.internal.ServingMetrics;
import dev.gyre.sinks.internal.SinkMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/grafana/gyre-dashboard.json asks Prometheus only for series that Gyre exports: the real
 * meters of stages, model serving and sinks are registered in a Prometheus registry, and every
 * {@code gyre_*} name in the dashboard's queries must appear in its scrape, suffixes included.
 */
class GrafanaDashboardTest {
  private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "gyre-dashboard.json");
  private static final Pattern METRIC = Pattern.compile("\\bgyre_[a-z0-9_]+");

  @Test
  void shouldUseOnlyMetricNamesTheCodeExports() throws Exception {
    Set<String> exported = exportedNames();
    Set<String> used = new TreeSet<>();
    for (String query : queries(new ObjectMapper().readTree(DASHBOARD.toFile()))) {
      Matcher m = METRIC.matcher(query);
      while (m.find()) {
        used.add(m.group());
      }
    }

    assertThat(used).as("metric names in the dashboard's queries").isNotEmpty();
    assertThat(exported).as("names Gyre exports").containsAll(used);
    assertThat(used).as("the panels the dashboard must have").contains("gyre_stage_events_total",
        "gyre_stage_dead_letters_total", "gyre_stage_latency_seconds_bucket", "gyre_model_predictions_total");
  }

  @Test
  void shouldQueryThroughThePrometheusDatasourceVariable() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    JsonNode variable = dashboard.at("/templating/list/0");
    assertThat(variable.get("type").asText() + " " + variable.get("name").asText() + " " + variable.get("query").asText())
        .isEqualTo("datasource datasource prometheus");
    for (JsonNode panel : dashboard.get("panels")) {
      if (!panel.get("type").asText().equals("row")) {
        assertThat(panel.at("/datasource/uid").asText()).as(panel.get("title").asText()).isEqualTo("${datasource}");
        assertThat(panel.get("targets").size()).as(panel.get("title").asText()).isPositive();
      }
    }
    assertThat(dashboard.get("panels").findValuesAsText("title")).contains("Throughput per stage",
        "Dead letters by reason", "Latency p50 / p99 per stage (from ingestion)", "Predictions by model version");
  }

  private static List<String> queries(JsonNode dashboard) {
    List<String> queries = new ArrayList<>(dashboard.findValuesAsText("expr"));
    for (JsonNode variable : dashboard.at("/templating/list")) {
      if (variable.has("definition")) {
        queries.add(variable.get("definition").asText());
      }
    }
    return queries;
  }

  /** Every series name in the scrape of a registry holding each family of Gyre's meters. */
  private static Set<String> exportedNames() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StageMetrics stage = new StageMetrics(registry, "p", "s");
    stage.received();
    stage.processed(1_000);
    stage.emitted(3);
    stage.deadLettered("malformed-json");
    ServingMetrics serving = new ServingMetrics(registry, new ModelRouter(new StubModel()), "p", "s", "m");
    serving.track("1");
    serving.swapped("champion", true);
    serving.predictions("1").increment();
    SinkMetrics sink = new SinkMetrics(registry, "p", "db");
    // Its dead-letter counter is registered on the first dead letter, by a package-private method.
    var deadLettered = SinkMetrics.class.getDeclaredMethod("deadLettered", String.class);
    deadLettered.setAccessible(true);
    deadLettered.invoke(sink, "wrong-type");
    Set<String> names = new TreeSet<>();
    for (String line : registry.scrape().split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  private static final class StubModel implements Model {
    @Override
    public String name() {
      return "m";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public List<String> inputs() {
      return List.of("x");
    }

    @Override
    public Prediction predict(float[] features) {
      throw new UnsupportedOperationException("not scored here");
    }

    @Override
    public void close() {}
  }
}
