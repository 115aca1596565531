package dev.gyre.spec;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The model a score stage serves. The spec only names it: the file is opened, and its inputs
 * matched, when the model is loaded.
 *
 * @param name    the model's name
 * @param version the version served, carried by every prediction ({@code "1"} by default)
 * @param format  the model format, matched against the installed model providers ({@code onnx} by default)
 * @param path    the model file; {@link SpecLoader} resolves it against the spec file's directory
 * @param inputs  the feature names the model takes, in order; at least one, unique
 * @param registry the registry namespace ({@code tenant/namespace}) whose champion the stage
 *                 serves and follows, or {@code null} to serve {@code path} only
 */
public record ModelSpec(String name, String version, String format, Path path, List<String> inputs,
    String registry) {
  public ModelSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(path, "path");
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("model '" + name + "' needs at least one input");
    }
    if (new HashSet<>(inputs).size() != inputs.size()) {
      throw new IllegalArgumentException("model '" + name + "' repeats an input: " + inputs);
    }
  }

  /** A model without a registry: {@code path} serves. */
  public ModelSpec(String name, String version, String format, Path path, List<String> inputs) {
    this(name, version, format, path, inputs, null);
  }
}
