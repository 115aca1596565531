package dev.gyre.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link ModelProvider} needs to load a model: a file ({@code path}) for formats that
 * load one, or the base URL of a model server ({@code url}) for remote formats such as
 * {@code kserve-v2}. Exactly one of the two is set.
 *
 * <p>Example of a remote model:
 * <pre>{@code
 * ModelDescriptor.remote("churn", "3", "kserve-v2", URI.create("http://models:8000"),
 *     List.of("tenure", "spend"), Map.of("timeout", "500ms"));
 * }</pre>
 *
 * @param name    the model's name
 * @param version the version to serve
 * @param format  the model format, matched against {@link ModelProvider#format()}, such as {@code onnx}
 * @param path    the model file, or {@code null} for a remote model
 * @param inputs  the feature names, in the order the model takes them
 * @param options format-specific options (read-only)
 * @param url     the model server's base URL, or {@code null} for a model loaded from a file
 */
public record ModelDescriptor(
    String name, String version, String format, Path path, List<String> inputs, Map<String, String> options,
    URI url) {
  public ModelDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(format, "format");
    if ((path == null) == (url == null)) {
      throw new IllegalArgumentException("model '" + name + "' needs exactly one of a path or a url, was "
          + path + " and " + url);
    }
    inputs = List.copyOf(inputs);
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** A model loaded from a file. */
  public ModelDescriptor(
      String name, String version, String format, Path path, List<String> inputs, Map<String, String> options) {
    this(name, version, format, Objects.requireNonNull(path, "path"), inputs, options, null);
  }

  /** A model served by a model server at {@code url}. */
  public static ModelDescriptor remote(
      String name, String version, String format, URI url, List<String> inputs, Map<String, String> options) {
    return new ModelDescriptor(name, version, format, null, inputs, options, Objects.requireNonNull(url, "url"));
  }
}
