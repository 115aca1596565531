package dev.gyre.spec.internal;

import static dev.gyre.spec.internal.SpecKeys.*;

import dev.gyre.spec.EnrichSpec;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a features stage's {@code enrich} list. Whether each key field reaches the stage, and
 * whether an added name clashes with a field of the events, is checked by the planner.
 */
final class EnrichReader {
  private final Problems problems;

  EnrichReader(Problems problems) {
    this.problems = problems;
  }

  /**
   * The entries, or an empty list after reporting their problems.
   *
   * @param taken the stage's feature and aggregate names, with their paths, which an added field may not take
   */
  List<EnrichSpec> read(YamlMap stage, Map<String, String> taken) {
    List<Node> nodes = stage.list(ENRICH, false);
    int before = problems.count();
    List<EnrichSpec> entries = new ArrayList<>();
    Map<String, String> added = new LinkedHashMap<>(taken);
    for (int i = 0; nodes != null && i < nodes.size(); i++) {
      YamlMap entry = YamlMap.read(stage.path(ENRICH) + "[" + i + "]", nodes.get(i), ENRICH.path() + "[]", problems);
      EnrichSpec spec = entry == null ? null : entry(entry, added);
      if (spec != null) {
        entries.add(spec);
      }
    }
    return problems.count() > before ? List.of() : entries;
  }

  private EnrichSpec entry(YamlMap entry, Map<String, String> added) {
    int before = problems.count();
    String table = entry.topic(ENRICH_TABLE);
    String key = identifier(entry, ENRICH_KEY, "field name");
    String prefix = entry.has(ENRICH_PREFIX) ? entry.text(ENRICH_PREFIX) : "";
    if (prefix != null && !prefix.matches("[A-Za-z0-9_]*")) {
      problems.add(entry.path(ENRICH_PREFIX), "is not a valid prefix; use letters, digits and '_', such as 'device_'");
      prefix = null;
    }
    List<FieldSpec> fields = fields(entry.map(ENRICH_FIELDS, true), prefix, added);
    String missing = entry.choice(ENRICH_MISSING);
    Map<String, Object> defaults = defaults(entry.map(ENRICH_DEFAULTS, false), fields);
    if ("defaults".equals(missing) && !entry.has(ENRICH_DEFAULTS)) {
      problems.add(entry.path(ENRICH_MISSING), "needs a 'defaults:' map, such as 'defaults: "
          + ENRICH_DEFAULTS.example() + "'; add one, or use dead-letter");
    }
    if (problems.count() > before) {
      return null;
    }
    EnrichSpec.OnMissing onMissing = Values.byYamlName(EnrichSpec.OnMissing.values(), EnrichSpec.OnMissing::yamlName,
        missing);
    return new EnrichSpec(table, key, fields, prefix, onMissing, defaults);
  }

  private List<FieldSpec> fields(YamlMap fields, String prefix, Map<String, String> added) {
    List<FieldSpec> result = new ArrayList<>();
    if (fields == null) {
      return result;
    }
    if (fields.entries().isEmpty()) {
      problems.add(fields.path(), "has no fields; add at least one, such as 'site: string'");
    }
    for (Map.Entry<String, Node> field : fields.entries().entrySet()) {
      String path = YamlTree.child(fields.path(), field.getKey());
      String name = field.getKey();
      if (!name.matches("[A-Za-z0-9_]+") || (prefix != null && !(prefix + name).matches("[A-Za-z_][A-Za-z0-9_]*"))) {
        problems.add(path, "is not a valid field name" + (prefix == null || prefix.isEmpty() ? "" : " with prefix '"
            + prefix + "'") + "; use letters, digits and '_', not starting with a digit, such as 'site'");
        continue;
      }
      String type = scalar(path, field.getValue(), "a field type such as 'string'");
      try {
        type = type == null ? null : Values.choice(type, ENRICH_FIELD_TYPE.choices());
      } catch (IllegalArgumentException e) {
        problems.add(path, e.getMessage());
        type = null;
      }
      String output = (prefix == null ? "" : prefix) + name;
      String first = added.putIfAbsent(output, path);
      if (first != null) {
        problems.add(path, "adds the field '" + output + "', which " + first + " already defines; give it a prefix");
      } else if (type != null) {
        result.add(new FieldSpec(name, Values.byYamlName(FieldType.values(), FieldType::yamlName, type), true));
      }
    }
    return result;
  }

  private Map<String, Object> defaults(YamlMap defaults, List<FieldSpec> fields) {
    Map<String, Object> result = new LinkedHashMap<>();
    List<String> names = fields.stream().map(FieldSpec::name).toList();
    for (Map.Entry<String, Node> entry : defaults == null ? Map.<String, Node>of().entrySet()
        : defaults.entries().entrySet()) {
      String path = YamlTree.child(defaults.path(), entry.getKey());
      FieldSpec field = fields.stream().filter(f -> f.name().equals(entry.getKey())).findFirst().orElse(null);
      String text = scalar(path, entry.getValue(), "a single value");
      if (field == null) {
        problems.add(path, "is not one of the fields (" + String.join(", ", names) + ")"
            + Suggest.clause(entry.getKey(), names));
      } else if (text != null) {
        try {
          result.put(field.name(), value(field.type(), text));
        } catch (IllegalArgumentException e) {
          problems.add(path, e.getMessage() + " (the field is a " + field.type().yamlName() + ")");
        }
      }
    }
    return result;
  }

  private static Object value(FieldType type, String text) {
    return switch (type) {
      case STRING -> text;
      case INT -> Values.integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG -> Values.integer(text, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT, DOUBLE -> Values.number(text);
      case BOOLEAN -> Values.bool(text);
    };
  }

  private String identifier(YamlMap entry, Option option, String what) {
    String text = entry.text(option);
    try {
      return text == null ? null : Values.identifier(text, what);
    } catch (IllegalArgumentException e) {
      problems.add(entry.path(option), e.getMessage());
      return null;
    }
  }

  private String scalar(String path, Node node, String expected) {
    if (YamlTree.isScalar(node)) {
      return ((ScalarNode) node).getValue();
    }
    problems.add(path, "is " + YamlTree.kind(node) + " where " + expected + " is expected");
    return null;
  }
}
