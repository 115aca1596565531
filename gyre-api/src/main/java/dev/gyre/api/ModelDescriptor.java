package dev.gyre.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link ModelProvider} needs to load a model.
 *
 * @param name    the model's name
 * @param version the version to serve
 * @param format  the model format, matched against {@link ModelProvider#format()}, such as {@code onnx}
 * @param path    the model file
 * @param inputs  the feature names, in the order the model takes them
 * @param options format-specific options (read-only)
 */
public record ModelDescriptor(
    String name, String version, String format, Path path, List<String> inputs, Map<String, String> options) {
  public ModelDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(path, "path");
    inputs = List.copyOf(inputs);
    options = options == null ? Map.of() : Map.copyOf(options);
  }
}
