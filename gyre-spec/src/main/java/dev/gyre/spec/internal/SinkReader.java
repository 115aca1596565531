package dev.gyre.spec.internal;

import static dev.gyre.spec.internal.SpecKeys.*;

import dev.gyre.spec.PostgresSinkSpec;
import dev.gyre.spec.SinkSpec;
import dev.gyre.spec.StageSpec;
import dev.gyre.spec.WebhookSinkSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code sinks} list: names unique among stages and sinks, an input that is a topic of
 * the pipeline (the last stage's output by default), and each type's own keys.
 */
final class SinkReader {
  static final String POSTGRES_DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final List<Option> POSTGRES_ONLY = List.of(SINK_USER, SINK_PASSWORD, SINK_TABLE, SINK_BATCH_SIZE,
      SINK_CREATE_TABLE);
  private static final List<Option> WEBHOOK_ONLY = List.of(SINK_WHEN, SINK_TIMEOUT, SINK_RETRIES);

  private final Problems problems;
  private final Map<String, String> names = new HashMap<>();
  private final Set<String> topics = new LinkedHashSet<>();
  private final String defaultInput;

  /** @param sourceTopic the source topic as written, or null; {@code stages} as read, in order */
  SinkReader(Problems problems, String sourceTopic, List<StageReader.Draft> stages) {
    this.problems = problems;
    if (sourceTopic != null) {
      topics.add(sourceTopic);
    }
    for (StageReader.Draft stage : stages) {
      if (stage.name() != null) {
        names.putIfAbsent(stage.name(), stage.path());
      }
      if (stage.output() != null) {
        topics.add(stage.output());
        topics.add(stage.deadLetterTopic() != null ? stage.deadLetterTopic()
            : StageSpec.defaultDeadLetterTopic(stage.output()));
      }
    }
    this.defaultInput = stages.isEmpty() ? null : stages.get(stages.size() - 1).output();
  }

  /** The sinks, or an empty list after reporting problems. */
  List<SinkSpec> read(List<Node> nodes) {
    List<SinkSpec> sinks = new ArrayList<>();
    for (int i = 0; nodes != null && i < nodes.size(); i++) {
      YamlMap sink = YamlMap.read("sinks[" + i + "]", nodes.get(i), SINKS.path() + "[]", problems);
      SinkSpec spec = sink == null ? null : read(sink);
      if (spec != null) {
        sinks.add(spec);
      }
    }
    return sinks;
  }

  private SinkSpec read(YamlMap sink) {
    int before = problems.count();
    String name = sink.name(SINK_NAME);
    if (name != null && names.putIfAbsent(name, sink.path()) != null) {
      problems.add(sink.path(SINK_NAME), "is also the name of " + names.get(name)
          + "; stage and sink names must be unique");
    }
    String type = sink.choice(SINK_TYPE);
    String input = sink.topic(SINK_INPUT);
    if (input != null && !topics.contains(input)) {
      problems.add(sink.path(SINK_INPUT), "is not a topic of this pipeline; use one of " + String.join(", ", topics));
    }
    input = input != null ? input : sink.has(SINK_INPUT) ? null : defaultInput;
    String url = withReferences(sink, SINK_URL);
    refuseOther(sink, type, "webhook", POSTGRES_ONLY);
    refuseOther(sink, type, "postgres", WEBHOOK_ONLY);
    SinkSpec spec = null;
    if ("postgres".equals(type)) {
      spec = postgres(sink, name, input, url);
    } else if ("webhook".equals(type)) {
      spec = webhook(sink, name, input, url);
    }
    return problems.count() > before || input == null ? null : spec;
  }

  private SinkSpec postgres(YamlMap sink, String name, String input, String url) {
    int before = problems.count();
    if (url != null && !url.startsWith("jdbc:postgresql:")) {
      problems.add(sink.path(SINK_URL), "is not a PostgreSQL JDBC URL; use the form "
          + "jdbc:postgresql://host:5432/database");
    }
    String user = withReferences(sink, SINK_USER);
    String password = withReferences(sink, SINK_PASSWORD);
    String table = sink.text(SINK_TABLE);
    if (table == null && !sink.has(SINK_TABLE)) {
      problems.add(sink.path(SINK_TABLE), "is required for type postgres; for example 'table: predictions'");
    } else if (table != null && !table.matches(PostgresSinkSpec.TABLE_FORM)) {
      problems.add(sink.path(SINK_TABLE), "is not a table name; use lower-case letters, digits and '_', not "
          + "starting with a digit, at most 63 of them, optionally after 'schema.', such as 'predictions'");
    }
    Integer batchSize = sink.integer(SINK_BATCH_SIZE);
    Boolean createTable = sink.bool(SINK_CREATE_TABLE);
    return problems.count() > before || name == null || input == null ? null : new PostgresSinkSpec(name, input,
        url == null ? POSTGRES_DEFAULT_URL : url, user, password, table, batchSize, createTable);
  }

  private SinkSpec webhook(YamlMap sink, String name, String input, String url) {
    int before = problems.count();
    if (url == null && !sink.has(SINK_URL)) {
      problems.add(sink.path(SINK_URL), "is required for type webhook; for example 'url: " + SINK_URL.example() + "'");
    } else if (url != null && !url.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}")
        && !url.startsWith("http://") && !url.startsWith("https://")) {
      problems.add(sink.path(SINK_URL), "is not an http or https URL; use the form https://host/path");
    }
    String when = sink.text(SINK_WHEN);
    Duration timeout = sink.duration(SINK_TIMEOUT);
    Integer retries = sink.integer(SINK_RETRIES);
    if (problems.count() > before || name == null || input == null) {
      return null;
    }
    try {
      return new WebhookSinkSpec(name, input, url, when, timeout, retries);
    } catch (IllegalArgumentException e) {
      problems.add(sink.path(SINK_URL), "is not a valid URL: " + e.getMessage());
      return null;
    }
  }

  /** Text that may hold {@code ${ENV_VAR}} references, resolved when the sink starts. */
  private String withReferences(YamlMap sink, Option option) {
    String text = sink.text(option);
    try {
      return text == null ? null : Values.envReferences(text);
    } catch (IllegalArgumentException e) {
      problems.add(sink.path(option), e.getMessage());
      return null;
    }
  }

  private void refuseOther(YamlMap sink, String type, String thisType, List<Option> otherKeys) {
    for (Option other : otherKeys) {
      if (thisType.equals(type) && sink.has(other)) {
        String otherType = thisType.equals("postgres") ? "webhook" : "postgres";
        problems.add(sink.path(other), "is only used by sinks of type " + otherType + "; remove it, or set type: "
            + otherType);
      }
    }
  }
}
