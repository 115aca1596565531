package dev.gyre.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A model file to store as a new version.
 *
 * @param name           the model's name: letters, digits, '.', '_', '-'
 * @param version        the new version, in the same form
 * @param format         the model format, such as {@code onnx}
 * @param file           the model file
 * @param inputs         the features the model takes, in order; null to take them from the model's
 *                       {@code gyre.inputs} metadata
 * @param expectedSha256 the hex SHA-256 the file must have, or null to accept any
 * @param maxBytes       the largest file accepted
 */
public record PushRequest(String name, String version, String format, Path file, List<String> inputs,
    String expectedSha256, long maxBytes) {
  public PushRequest {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(file, "file");
    inputs = inputs == null ? null : List.copyOf(inputs);
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive but was " + maxBytes);
    }
  }

  /** An ONNX file whose inputs are in its metadata, with the default size limit and any SHA-256. */
  public PushRequest(String name, String version, String format, Path file) {
    this(name, version, format, file, null, null, ModelFiles.DEFAULT_MAX_BYTES);
  }
}
