package dev.gyre.spec;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The model a score stage serves. The spec only names it: the file is opened (or the model server
 * asked), and its inputs matched, when the model is loaded.
 *
 * @param name    the model's name
 * @param version the version served, carried by every prediction ({@code "1"} by default)
 * @param format  the model format, matched against the installed model providers ({@code onnx} by default)
 * @param path    the model file; {@link SpecLoader} resolves it against the spec file's directory.
 *                {@code null} for a remote format ({@value #REMOTE_FORMAT}), which has a {@code url}
 * @param inputs  the feature names the model takes, in order; at least one, unique
 * @param registry the registry namespace ({@code tenant/namespace}) whose champion the stage
 *                 serves and follows, or {@code null} to serve {@code path} only
 * @param url     the model server's base URL (format {@value #REMOTE_FORMAT} only), else {@code null}
 * @param remote  how the server is called (format {@value #REMOTE_FORMAT} only), else {@code null}
 * @param missing for inputs an event may lack, the value scored in its place; an event lacking any
 *                other input is dead-lettered. Keys are among {@code inputs}; values finite
 */
public record ModelSpec(String name, String version, String format, Path path, List<String> inputs,
    String registry, URI url, RemoteSpec remote, Map<String, Double> missing) {
  /** The format served by a model server over the Open Inference Protocol (KServe v2, REST). */
  public static final String REMOTE_FORMAT = "kserve-v2";

  public ModelSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(format, "format");
    if (REMOTE_FORMAT.equals(format)) {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(remote, "remote");
      if (path != null || registry != null) {
        throw new IllegalArgumentException("model '" + name + "' is served remotely: it takes no path or registry");
      }
    } else {
      Objects.requireNonNull(path, "path");
      if (url != null || remote != null) {
        throw new IllegalArgumentException("model '" + name + "' of format " + format + " takes no url or remote");
      }
    }
    inputs = List.copyOf(inputs);
    missing = missing == null ? Map.of() : Map.copyOf(missing);
    for (Map.Entry<String, Double> e : missing.entrySet()) {
      if (!inputs.contains(e.getKey()) || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException("model '" + name + "': a missing-value default needs an input and a"
            + " finite number, was " + e);
      }
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("model '" + name + "' needs at least one input");
    }
    if (new HashSet<>(inputs).size() != inputs.size()) {
      throw new IllegalArgumentException("model '" + name + "' repeats an input: " + inputs);
    }
  }

  /** A model loaded from a file, following a registry or not. */
  public ModelSpec(String name, String version, String format, Path path, List<String> inputs, String registry) {
    this(name, version, format, path, inputs, registry, null, null, Map.of());
  }

  /** A model without a registry: {@code path} serves. */
  public ModelSpec(String name, String version, String format, Path path, List<String> inputs) {
    this(name, version, format, path, inputs, null);
  }

  /** A model served by a model server at {@code url}, format {@value #REMOTE_FORMAT}. */
  public static ModelSpec remote(String name, String version, URI url, List<String> inputs, RemoteSpec remote) {
    return new ModelSpec(name, version, REMOTE_FORMAT, null, inputs, null, url, remote, Map.of());
  }

  /** A copy whose listed inputs, when an event lacks them, are scored with these values. */
  public ModelSpec withMissing(Map<String, Double> defaults) {
    return new ModelSpec(name, version, format, path, inputs, registry, url, remote, defaults);
  }

  /** Whether the model is served by a model server rather than loaded from a file. */
  public boolean isRemote() {
    return url != null;
  }
}
