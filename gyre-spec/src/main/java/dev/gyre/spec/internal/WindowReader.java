package dev.gyre.spec.internal;

import static dev.gyre.spec.internal.SpecKeys.AGGREGATES;
import static dev.gyre.spec.internal.SpecKeys.ALLOWED_LATENESS;
import static dev.gyre.spec.internal.SpecKeys.LATE;
import static dev.gyre.spec.internal.SpecKeys.WINDOW_TIME;
import static dev.gyre.spec.internal.SpecKeys.WINDOW_TIME_UNIT;

import dev.gyre.spec.AggregateSpec;
import dev.gyre.spec.EventTimeUnit;
import dev.gyre.spec.FeatureSpec;
import dev.gyre.spec.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a features stage's {@code windows} block; fields and their types are checked by the planner. */
final class WindowReader {
  private final Problems problems;

  WindowReader(Problems problems) {
    this.problems = problems;
  }

  /**
   * The block, or null after reporting its problems.
   *
   * @param features the stage's features as read, whose names an aggregate may not take
   */
  WindowSpec read(YamlMap windows, List<FeatureSpec> features) {
    if (windows == null) {
      return null;
    }
    int before = problems.count();
    String time = windows.text(WINDOW_TIME);
    if (time != null) {
      try {
        Values.identifier(time, "field name");
      } catch (IllegalArgumentException e) {
        problems.add(windows.path(WINDOW_TIME), e.getMessage());
      }
    }
    String unit = windows.choice(WINDOW_TIME_UNIT);
    Duration lateness = lateness(windows);
    String late = late(windows);
    List<AggregateSpec> aggregates = aggregates(windows, features);
    if (problems.count() > before) {
      return null;
    }
    EventTimeUnit timeUnit = Values.byYamlName(EventTimeUnit.values(), EventTimeUnit::yamlName, unit);
    return new WindowSpec(time, timeUnit, lateness, late.equals("dead-letter") ? null : late, aggregates);
  }

  private Duration lateness(YamlMap windows) {
    String text = windows.text(ALLOWED_LATENESS);
    try {
      return text == null ? null : WindowDurations.parse(text, Duration.ZERO,
          Duration.ofNanos(ALLOWED_LATENESS.max()));
    } catch (IllegalArgumentException e) {
      problems.add(windows.path(ALLOWED_LATENESS), e.getMessage());
      return null;
    }
  }

  private String late(YamlMap windows) {
    String text = windows.text(LATE);
    String reason = text == null || text.equals("dead-letter") ? null : TopicRules.problem(text);
    if (reason != null) {
      problems.add(windows.path(LATE), "is neither dead-letter nor a topic: it " + reason);
    }
    return text;
  }

  private List<AggregateSpec> aggregates(YamlMap windows, List<FeatureSpec> features) {
    List<Node> lines = windows.list(AGGREGATES, true);
    List<AggregateSpec> aggregates = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    List<String> featureNames = features.stream().map(FeatureSpec::name).toList();
    for (int i = 0; lines != null && i < lines.size(); i++) {
      String path = windows.path(AGGREGATES) + "[" + i + "]";
      if (!YamlTree.isScalar(lines.get(i))) {
        problems.add(path, "is " + YamlTree.kind(lines.get(i)) + " where a line 'name = function(field) over SIZE' "
            + "is expected");
        continue;
      }
      try {
        AggregateSpec aggregate = AggregateLines.parse(((ScalarNode) lines.get(i)).getValue());
        if (seen.putIfAbsent(aggregate.name(), path) != null) {
          problems.add(path, "defines '" + aggregate.name() + "' again, after " + seen.get(aggregate.name())
              + "; give each aggregate its own name");
        } else if (featureNames.contains(aggregate.name())) {
          problems.add(path, "defines '" + aggregate.name() + "', which is also a feature of this stage; "
              + "give each its own name");
        } else {
          aggregates.add(aggregate);
        }
      } catch (IllegalArgumentException e) {
        problems.add(path, e.getMessage());
      }
    }
    return aggregates;
  }
}
