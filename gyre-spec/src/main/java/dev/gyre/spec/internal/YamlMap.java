package dev.gyre.spec.internal;

import dev.gyre.api.SpecProblem;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML map being read against the keys {@link SpecKeys} allows there. Creating it reports
 * unknown and repeated keys; each getter reports what is wrong with its value, applies the
 * option's default when the key is absent, and returns null when there is nothing usable.
 */
public final class YamlMap {
  private final String path;
  private final Problems problems;
  private final Map<String, Node> entries = new LinkedHashMap<>();

  private YamlMap(String path, Problems problems) {
    this.path = path;
    this.problems = problems;
  }

  /**
   * Reads the map at {@code path}, or reports that {@code node} is not a map and returns null.
   *
   * @param schema the option path of this map (such as {@code stages[]}) whose keys are allowed;
   *               any key is allowed when that is null or its keys are a placeholder like {@code <name>}
   */
  public static YamlMap read(String path, Node node, String schema, Problems problems) {
    if (!(node instanceof MappingNode map)) {
      problems.add(path, "is " + YamlTree.kind(node) + " where a map is expected" + keysHint(schema));
      return null;
    }
    YamlMap result = new YamlMap(path, problems);
    List<String> known = schema == null ? null : SpecKeys.childrenOf(schema).stream().map(Option::key).toList();
    if (known != null && known.stream().anyMatch(key -> key.startsWith("<"))) {
      known = null; // any name is allowed, as for source.schema.fields
    }
    Map<String, Integer> firstLine = new HashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        problems.add(path, "has a key that is " + YamlTree.kind(tuple.getKeyNode()) + "; keys must be plain words");
        continue;
      }
      String key = keyNode.getValue();
      int line = YamlTree.line(keyNode);
      if (firstLine.containsKey(key)) {
        problems.add(new SpecProblem(YamlTree.child(path, key), line, key,
            "is given twice, first on line " + firstLine.get(key) + "; keep one"));
      } else if (known != null && !known.contains(key)) {
        problems.add(new SpecProblem(YamlTree.child(path, key), line, key, "is not a known key here; known keys: "
            + String.join(", ", known) + Suggest.clause(key, known)));
      } else {
        firstLine.put(key, line);
        result.entries.put(key, tuple.getValueNode());
      }
    }
    return result;
  }

  /** An absent optional section: every getter returns its default. */
  public static YamlMap absent(String path, Problems problems) {
    return new YamlMap(path, problems);
  }

  /** The path of this map. */
  public String path() {
    return path;
  }

  /** The path of {@code option} in this map. */
  public String path(Option option) {
    return YamlTree.child(path, option.key());
  }

  /** The entries as written (known keys only), in file order. */
  public Map<String, Node> entries() {
    return entries;
  }

  /** Whether the key is present with a non-null value. */
  public boolean has(Option option) {
    Node node = entries.get(option.key());
    return node != null && !YamlTree.isNull(node);
  }

  /** The scalar text, or null when the key is absent or not a single value (reports nothing). */
  public String raw(Option option) {
    Node node = entries.get(option.key());
    return node != null && YamlTree.isScalar(node) ? ((ScalarNode) node).getValue() : null;
  }

  public String text(Option option) {
    return value(option, text -> {
      if (option.required() && text.isBlank()) {
        throw new IllegalArgumentException("is empty; " + missingHint(option));
      }
      return text;
    });
  }

  public String name(Option option) {
    return value(option, Values::name);
  }

  public String topic(Option option) {
    return value(option, text -> {
      String reason = TopicRules.problem(text);
      if (reason != null) {
        throw new IllegalArgumentException(reason);
      }
      return text;
    });
  }

  /** A Pulsar namespace, {@code tenant/namespace}. */
  public String namespace(Option option) {
    return value(option, text -> {
      String reason = TopicRules.namespaceProblem(text);
      if (reason != null) {
        throw new IllegalArgumentException(reason);
      }
      return text;
    });
  }

  public Integer integer(Option option) {
    return value(option, text -> Math.toIntExact(Values.integer(text, option.min(), option.max())));
  }

  public Double number(Option option) {
    return value(option, Values::number);
  }

  public Boolean bool(Option option) {
    return value(option, Values::bool);
  }

  public String choice(Option option) {
    return value(option, text -> Values.choice(text, option.choices()));
  }

  public Duration duration(Option option) {
    return value(option, text -> Values.duration(text, option.min(), option.max()));
  }

  /** The section, an empty one if it is optional and absent, or null if it is missing or not a map. */
  public YamlMap map(Option option, boolean required) {
    if (!has(option)) {
      reportIfMissing(option, required);
      return required ? null : absent(path(option), problems);
    }
    return read(path(option), entries.get(option.key()), option.path(), problems);
  }

  /** The list's items, or null when it is absent, empty (reported if required) or not a list. */
  public List<Node> list(Option option, boolean required) {
    if (!has(option)) {
      reportIfMissing(option, required);
      return null;
    }
    if (!(entries.get(option.key()) instanceof SequenceNode list)) {
      problems.add(path(option), "is " + YamlTree.kind(entries.get(option.key())) + " where a list is expected"
          + itemHint(option));
      return null;
    }
    if (list.getValue().isEmpty()) {
      problems.add(path(option), "is empty; add at least one item" + itemHint(option));
      return null;
    }
    return list.getValue();
  }

  private <T> T value(Option option, Function<String, T> parse) {
    if (!has(option)) {
      reportIfMissing(option, option.required());
      return option.defaultValue() == null ? null : parse.apply(option.defaultValue());
    }
    Node node = entries.get(option.key());
    if (!(node instanceof ScalarNode scalar)) {
      problems.add(path(option), "is " + YamlTree.kind(node) + " where a single value is expected");
      return null;
    }
    try {
      return parse.apply(scalar.getValue());
    } catch (IllegalArgumentException e) {
      problems.add(path(option), e.getMessage());
      return null;
    }
  }

  private void reportIfMissing(Option option, boolean required) {
    if (required) {
      problems.add(path(option), "is required; " + missingHint(option));
    }
  }

  private static String missingHint(Option option) {
    return switch (option.kind()) {
      case MAP -> "add a '" + option.key() + ":' section" + keysHint(option.path());
      case LIST -> "add a list" + itemHint(option);
      case CHOICE -> "use one of " + option.allowed();
      default -> "for example '" + option.key() + ": " + option.example() + "'";
    };
  }

  private static String itemHint(Option option) {
    return option.example() != null ? ", such as " + option.example() : keysHint(option.path() + "[]");
  }

  private static String keysHint(String schema) {
    List<Option> keys = schema == null ? List.of() : SpecKeys.childrenOf(schema);
    return keys.isEmpty() || keys.get(0).key().startsWith("<") ? ""
        : " with keys " + String.join(", ", keys.stream().map(Option::key).toList());
  }
}
