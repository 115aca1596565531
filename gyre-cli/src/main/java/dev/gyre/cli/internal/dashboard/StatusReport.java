package dev.gyre.cli.internal.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.api.Model;
import dev.gyre.core.serving.ModelRouter;
import io.micrometer.core.instrument.Meter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the JSON document of {@code /api/status} from a {@link SampleWindow}: the pipeline's
 * stages in data-flow order, dead letters by reason, the models in service, and, when their meters
 * exist, sinks, model quality and any other {@code gyre.*} meter ({@link ExtraMeters}). Rates are
 * per second over the last {@value #RATE_SECONDS} s, latency percentiles over the last
 * {@value #LATENCY_SECONDS} s. docs/operations.md describes the fields.
 */
final class StatusReport {
  static final int RATE_SECONDS = 5;
  static final int LATENCY_SECONDS = 10;
  static final int SPARKLINE_POINTS = 60;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private StatusReport() {}

  static ObjectNode build(String pipeline, long startedAtMillis, List<String> stages,
      Map<String, ModelRouter> routers, SampleWindow window) {
    ObjectNode status = JSON.objectNode();
    long now = window.latest() == null ? startedAtMillis : window.latest().epochMillis();
    status.put("pipeline", pipeline);
    status.put("uptimeSeconds", Math.max(0, (now - startedAtMillis) / 1000));
    status.put("sampledAt", now);
    status.put("rateWindowSeconds", RATE_SECONDS);
    status.set("stages", stages(stages, window));
    status.set("deadLetters", deadLetters(window));
    status.set("models", models(routers, window));
    ExtraMeters.addTo(status, window);
    return status;
  }

  private static ArrayNode stages(List<String> planned, SampleWindow window) {
    Set<String> names = new LinkedHashSet<>(planned);
    window.ids("gyre.stage.events").forEach(id -> names.add(id.getTag("stage")));
    ArrayNode stages = JSON.arrayNode();
    for (String name : names) {
      ObjectNode stage = stages.addObject().put("name", name);
      Meter.Id in = find(window, "gyre.stage.events", "stage", name, "outcome", "in");
      Meter.Id out = find(window, "gyre.stage.events", "stage", name, "outcome", "out");
      Meter.Id dead = find(window, "gyre.stage.events", "stage", name, "outcome", "dead_letter");
      Meter.Id latency = find(window, "gyre.stage.latency", "stage", name, null, null);
      stage.put("in", count(window, in)).put("out", count(window, out)).put("deadLetters", count(window, dead));
      stage.put("inRate", rate(window, in)).put("outRate", rate(window, out)).put("deadLetterRate", rate(window, dead));
      stage.put("latencyP50Ms", latency == null ? null : window.percentile(latency, 0.5, LATENCY_SECONDS));
      stage.put("latencyP99Ms", latency == null ? null : window.percentile(latency, 0.99, LATENCY_SECONDS));
      ArrayNode throughput = stage.putArray("throughput");
      if (in != null) {
        window.perSecond(in, SPARKLINE_POINTS).forEach(throughput::add);
      }
    }
    return stages;
  }

  private static ArrayNode deadLetters(SampleWindow window) {
    ArrayNode rows = JSON.arrayNode();
    for (String[] family : new String[][] {{"gyre.stage.dead.letters", "stage"}, {"gyre.sink.dead.letters", "sink"}}) {
      for (Meter.Id id : window.ids(family[0])) {
        rows.addObject().put("kind", family[1]).put("name", id.getTag(family[1])).put("reason", id.getTag("reason"))
            .put("count", count(window, id)).put("rate", window.rate(id, RATE_SECONDS));
      }
    }
    return rows;
  }

  private static ArrayNode models(Map<String, ModelRouter> routers, SampleWindow window) {
    ArrayNode rows = JSON.arrayNode();
    routers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
      ModelRouter.Routing routing = entry.getValue().routing();
      model(rows, entry.getKey(), routing.champion(), "champion", 1 - routing.canaryShare(), window);
      if (routing.canary() != null) {
        model(rows, entry.getKey(), routing.canary(), "canary", routing.canaryShare(), window);
      }
    });
    return rows;
  }

  private static void model(ArrayNode rows, String stage, Model model, String role, double share,
      SampleWindow window) {
    ObjectNode row = rows.addObject().put("stage", stage).put("model", model.name())
        .put("version", model.version()).put("role", role).put("share", share);
    Meter.Id predictions = find(window, "gyre.model.predictions", "stage", stage, "version", model.version());
    row.put("predictions", predictions == null ? null : count(window, predictions));
    row.put("predictionRate", predictions == null ? null : window.rate(predictions, RATE_SECONDS));
  }

  static Meter.Id find(SampleWindow window, String name, String tag, String value, String tag2, String value2) {
    return window.ids(name).stream().filter(id -> value.equals(id.getTag(tag))
        && (tag2 == null || value2.equals(id.getTag(tag2)))).findFirst().orElse(null);
  }

  static long count(SampleWindow window, Meter.Id id) {
    return id == null ? 0 : Math.round(window.value(id));
  }

  private static double rate(SampleWindow window, Meter.Id id) {
    return id == null ? 0 : round(window.rate(id, RATE_SECONDS));
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
