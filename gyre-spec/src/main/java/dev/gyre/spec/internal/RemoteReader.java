package dev.gyre.spec.internal;

import static dev.gyre.spec.internal.SpecKeys.*;

import dev.gyre.spec.ModelSpec;
import dev.gyre.spec.RemoteSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads what a model of format {@value ModelSpec#REMOTE_FORMAT} adds: its {@code url} and {@code remote} section. */
final class RemoteReader {
  private final Problems problems;

  RemoteReader(Problems problems) {
    this.problems = problems;
  }

  /** The server's base URL: absolute http or https, with a host, no query or fragment. Null after a problem. */
  URI url(YamlMap model) {
    String text = model.text(MODEL_URL);
    if (text == null) {
      if (!model.has(MODEL_URL)) {
        problems.add(model.path(MODEL_URL), "is required for format " + ModelSpec.REMOTE_FORMAT
            + "; for example 'url: " + MODEL_URL.example() + "'");
      }
      return null;
    }
    try {
      URI uri = new URI(text.trim());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getRawQuery() == null && uri.getRawFragment() == null) {
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(model.path(MODEL_URL), "is not an http:// or https:// URL with a host and without ?query or "
        + "#fragment; write the server's base URL, such as '" + MODEL_URL.example() + "'");
    return null;
  }

  /** The {@code remote} section, its defaults where absent; null after a problem. */
  RemoteSpec read(YamlMap remote) {
    if (remote == null) {
      return null;
    }
    int before = problems.count();
    Duration timeout = remote.duration(REMOTE_TIMEOUT);
    Integer retries = remote.integer(REMOTE_RETRIES);
    Duration backoff = remote.duration(REMOTE_BACKOFF);
    Integer maxConcurrency = remote.integer(REMOTE_MAX_CONCURRENCY);
    YamlMap circuit = remote.map(REMOTE_CIRCUIT, false);
    Integer failures = circuit == null ? null : circuit.integer(REMOTE_CIRCUIT_FAILURES);
    Duration coolDown = circuit == null ? null : circuit.duration(REMOTE_CIRCUIT_COOL_DOWN);
    RemoteSpec.Fallback fallback = fallback(remote);
    List<String> labels = labels(remote);
    if (problems.count() > before) {
      return null;
    }
    return new RemoteSpec(timeout, retries, backoff, maxConcurrency, failures, coolDown, fallback, labels);
  }

  private RemoteSpec.Fallback fallback(YamlMap remote) {
    Node node = remote.entries().get(REMOTE_FALLBACK.key());
    if (node instanceof MappingNode) {
      YamlMap map = remote.map(REMOTE_FALLBACK, true);
      String label = map == null ? null : map.text(REMOTE_FALLBACK_LABEL);
      Double probability = map == null ? null : map.number(REMOTE_FALLBACK_PROBABILITY);
      return label == null || probability == null ? null : new RemoteSpec.Fallback(label, probability);
    }
    String text = remote.text(REMOTE_FALLBACK);
    if (text != null && !text.equals(REMOTE_FALLBACK.defaultValue())) {
      problems.add(remote.path(REMOTE_FALLBACK), "is neither dead-letter nor a map with label and probability; "
          + "write 'fallback: dead-letter' or 'fallback: {label: \"0\", probability: 0.0}'");
    }
    return null;
  }

  private List<String> labels(YamlMap remote) {
    List<Node> nodes = remote.list(REMOTE_LABELS, false);
    List<String> labels = new ArrayList<>();
    for (int i = 0; nodes != null && i < nodes.size(); i++) {
      String path = remote.path(REMOTE_LABELS) + "[" + i + "]";
      Node node = nodes.get(i);
      if (!YamlTree.isScalar(node)) {
        problems.add(path, "is " + YamlTree.kind(node) + " where a label is expected");
        continue;
      }
      String label = ((ScalarNode) node).getValue();
      if (label.isBlank() || label.contains(",")) {
        problems.add(path, "is not a usable label; write a non-empty label without commas");
      } else if (labels.contains(label)) {
        problems.add(path, "repeats " + remote.path(REMOTE_LABELS) + "[" + labels.indexOf(label)
            + "]; list each label once");
      }
      labels.add(label);
    }
    return labels;
  }
}
