package dev.gyre.spec.internal;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.spec.SpecLocations;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's node tree, which keeps a line for every node (a constructed {@code Map} would lose
 * them), and the index of paths built from it.
 */
public final class YamlTree {
  /** The path of problems about the document as a whole. */
  public static final String DOCUMENT = "(document)";
  private static final int SHOWN_LENGTH = 60;

  private YamlTree() {}

  /** Composes one YAML document whose root is a map, or throws one problem saying why it is not. */
  public static MappingNode compose(String yaml) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      throw syntaxProblem(yaml, e);
    } catch (YAMLException e) {
      throw new SpecException(new SpecProblem(DOCUMENT, 0, null, "is not valid YAML: " + e.getMessage()));
    }
    if (root == null || isNull(root)) {
      throw new SpecException(new SpecProblem(DOCUMENT, 0, "", "is empty; a spec needs at least name, source and stages"));
    }
    if (!(root instanceof MappingNode map)) {
      throw new SpecException(new SpecProblem(DOCUMENT, line(root), show(root),
          "is " + kind(root) + " where a map is expected; a spec starts with keys such as 'name:', 'source:' and 'stages:'"));
    }
    return map;
  }

  /** Every path under {@code root} with its line and value; the first of duplicate keys wins. */
  public static SpecLocations index(MappingNode root) {
    Map<String, SpecLocations.Location> locations = new HashMap<>();
    walk("", root, locations);
    return SpecLocations.of(locations);
  }

  private static void walk(String path, Node node, Map<String, SpecLocations.Location> out) {
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          String child = child(path, key.getValue());
          if (!out.containsKey(child)) {
            out.put(child, new SpecLocations.Location(line(key), show(tuple.getValueNode()), isScalar(tuple.getValueNode())));
            walk(child, tuple.getValueNode(), out);
          }
        }
      }
    } else if (node instanceof SequenceNode list) {
      for (int i = 0; i < list.getValue().size(); i++) {
        Node item = list.getValue().get(i);
        String child = path + "[" + i + "]";
        out.put(child, new SpecLocations.Location(line(item), show(item), isScalar(item)));
        walk(child, item, out);
      }
    }
  }

  /** {@code parent.key}, or {@code key} at the top. */
  public static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The node's 1-based line. */
  public static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** An explicit null: {@code key:}, {@code key: ~} or {@code key: null}. */
  public static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  /** A single, non-null value. */
  public static boolean isScalar(Node node) {
    return node instanceof ScalarNode && !isNull(node);
  }

  /** "a map", "a list", "a single value" or "empty", to say what was found. */
  public static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return isNull(node) ? "empty" : "a single value";
  }

  /** The value as written for a scalar, else a one-line rendering, shortened; null for a YAML null. */
  public static String show(Node node) {
    String text;
    if (node instanceof ScalarNode scalar) {
      return isNull(node) ? null : scalar.getValue();
    } else if (node instanceof SequenceNode list) {
      text = list.getValue().stream().map(YamlTree::showInner).collect(Collectors.joining(", ", "[", "]"));
    } else {
      text = ((MappingNode) node).getValue().stream()
          .map(t -> showInner(t.getKeyNode()) + ": " + showInner(t.getValueNode()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH - 3) + "...";
  }

  private static String showInner(Node node) {
    String text = show(node);
    return text == null ? "null" : text;
  }

  private static SpecException syntaxProblem(String yaml, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    if (mark == null) {
      return new SpecException(new SpecProblem(DOCUMENT, 0, null, "is not valid YAML: " + problem));
    }
    String[] lines = yaml.split("\r\n|\r|\n", -1);
    String text = mark.getLine() < lines.length ? lines[mark.getLine()].strip() : "";
    Mark start = e.getContextMark();
    String context = e.getContext() == null ? ""
        : start == null || start.getLine() == mark.getLine() ? e.getContext() + ", "
        : e.getContext() + " started on line " + (start.getLine() + 1) + ", ";
    return new SpecException(new SpecProblem(DOCUMENT, mark.getLine() + 1, text,
        "is not valid YAML: " + context + problem + " at column " + (mark.getColumn() + 1)));
  }
}
