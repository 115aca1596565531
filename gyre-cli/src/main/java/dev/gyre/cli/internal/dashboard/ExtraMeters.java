package dev.gyre.cli.internal.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parts of {@code /api/status} that appear only when their meters exist, so the dashboard shows
 * what other modules add without knowing them in advance:
 * <ul>
 *   <li>{@code sinks}: one row per sink from {@code gyre.sink.*};
 *   <li>{@code quality}: every {@code gyre.*} meter whose name speaks of model quality (accuracy,
 *       drift, F1, AUC, log loss, Brier, PSI, calibration, precision, recall), with its tags;
 *   <li>{@code otherMetrics}: every other {@code gyre.*} meter outside the stage, model and sink
 *       families (windows, remote models, ...), with its value and, for counters, its rate.
 * </ul>
 */
final class ExtraMeters {
  static final Pattern QUALITY = Pattern.compile(
      "accuracy|drift|\\bf1\\b|\\.f1|auc|log.?loss|brier|psi|calibration|precision|recall");
  private static final Set<String> KNOWN = Set.of("gyre.stage.", "gyre.model.", "gyre.sink.");

  private ExtraMeters() {}

  static void addTo(ObjectNode status, SampleWindow window) {
    status.set("sinks", sinks(window));
    ArrayNode quality = status.putArray("quality");
    ArrayNode other = status.putArray("otherMetrics");
    if (window.latest() == null) {
      return;
    }
    window.latest().readings().keySet().stream()
        .filter(id -> KNOWN.stream().noneMatch(id.getName()::startsWith)
            || QUALITY.matcher(id.getName()).find())
        .sorted(Comparator.comparing(Meter.Id::getName).thenComparing(id -> id.getTags().toString()))
        .forEach(id -> row(QUALITY.matcher(id.getName()).find() ? quality : other, id, window));
  }

  private static void row(ArrayNode rows, Meter.Id id, SampleWindow window) {
    ObjectNode row = rows.addObject().put("name", id.getName()).put("type", id.getType().name().toLowerCase());
    ObjectNode tags = row.putObject("tags");
    for (Tag tag : id.getTags()) {
      if (!tag.getKey().equals("pipeline")) {
        tags.put(tag.getKey(), tag.getValue());
      }
    }
    row.put("value", Math.round(window.value(id) * 1e6) / 1e6);
    boolean counts = id.getType() == Meter.Type.COUNTER || id.getType() == Meter.Type.TIMER
        || id.getType() == Meter.Type.DISTRIBUTION_SUMMARY;
    row.put("rate", counts ? StatusReport.round(window.rate(id, StatusReport.RATE_SECONDS)) : null);
  }

  private static ArrayNode sinks(SampleWindow window) {
    Set<String> names = new LinkedHashSet<>();
    window.ids("gyre.sink.events").forEach(id -> names.add(id.getTag("sink")));
    ArrayNode sinks = JsonNodeFactory.instance.arrayNode();
    for (String name : names.stream().sorted().toList()) {
      Meter.Id written = StatusReport.find(window, "gyre.sink.events", "sink", name, "outcome", "written");
      Meter.Id skipped = StatusReport.find(window, "gyre.sink.events", "sink", name, "outcome", "skipped");
      Meter.Id dead = StatusReport.find(window, "gyre.sink.events", "sink", name, "outcome", "dead_letter");
      Meter.Id writeTime = StatusReport.find(window, "gyre.sink.write.time", "sink", name, null, null);
      sinks.addObject().put("name", name)
          .put("written", StatusReport.count(window, written))
          .put("skipped", StatusReport.count(window, skipped))
          .put("deadLetters", StatusReport.count(window, dead))
          .put("writtenRate", written == null ? 0 : StatusReport.round(window.rate(written, StatusReport.RATE_SECONDS)))
          .put("writeP99Ms", writeTime == null ? null
              : window.percentile(writeTime, 0.99, StatusReport.LATENCY_SECONDS));
    }
    return sinks;
  }
}
