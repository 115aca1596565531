package dev.gyre.registry;

import dev.gyre.api.ModelException;
import dev.gyre.registry.internal.OnnxInspector;
import dev.gyre.registry.internal.Serialized;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The checks a model file passes before the registry stores it and again before a stage serves
 * it: its size is within a limit, its SHA-256 is the one expected, it is not a Python pickle or a
 * Java serialization stream (formats that run code when read), and an ONNX file is well formed and
 * keeps every tensor inside the file (external data could point anywhere on the serving machine,
 * and the registry stores one file per version). The model provider's own load comes after these.
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelFiles {
  /** The default size limit, 256 MiB, as ONNX models are limited when loaded from a path. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

  private ModelFiles() {}

  /**
   * What the checks learned about a file.
   *
   * @param sha256    the lower-case hex SHA-256 of the bytes
   * @param sizeBytes the size in bytes
   * @param metadata  the model's own metadata (for ONNX, {@code metadata_props}); empty for other formats
   * @param producer  the tool that wrote the file, or empty when unknown
   */
  public record Checked(String sha256, long sizeBytes, Map<String, String> metadata, String producer) {
    public Checked {
      metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
  }

  /**
   * Checks one file's bytes.
   *
   * @param what           names the file in messages, such as {@code model 'churn' version 3}
   * @param bytes          the whole file
   * @param format         the model format, such as {@code onnx}; only ONNX is inspected inside
   * @param maxBytes       the largest size accepted
   * @param expectedSha256 the hex SHA-256 the bytes must have, or {@code null} to accept any
   * @throws ModelException naming the first check that failed, why, and what to do
   */
  public static Checked check(String what, byte[] bytes, String format, long maxBytes, String expectedSha256) {
    if (bytes.length > maxBytes) {
      throw refused(what, "is " + bytes.length + " bytes, more than the limit of " + maxBytes,
          "Check that this is the intended model, or raise the limit (--max-bytes).");
    }
    String sha256 = sha256(bytes);
    if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(sha256)) {
      throw refused(what, "has the SHA-256 " + sha256 + " but " + expectedSha256 + " was expected",
          "The file was changed or damaged on the way; push it again from its source.");
    }
    String serialized = Serialized.kind(bytes);
    if (serialized != null) {
      throw refused(what, "is " + serialized + ", a format that runs code when it is read",
          "Export the model to a declarative format such as ONNX.");
    }
    if (!"onnx".equals(format)) {
      return new Checked(sha256, bytes.length, Map.of(), "");
    }
    OnnxInspector.Facts facts;
    try {
      facts = OnnxInspector.inspect(bytes);
    } catch (IllegalArgumentException e) {
      throw refused(what, "is not a well-formed ONNX file (" + e.getMessage() + ")", "Export the model to ONNX again.");
    }
    if (!facts.hasGraph()) {
      throw refused(what, "is not an ONNX model: it has no graph", "Export the model to ONNX again.");
    }
    checkExternalData(what, facts.external());
    return new Checked(sha256, bytes.length, facts.metadata(), facts.producer());
  }

  /** The lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void checkExternalData(String what, List<OnnxInspector.ExternalData> external) {
    for (OnnxInspector.ExternalData data : external) {
      String location = data.location();
      String normalized = location.replace('\\', '/');
      boolean outside = normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")
          || ("/" + normalized + "/").contains("/../");
      if (outside) {
        throw refused(what, "has the tensor '" + data.tensor() + "' whose data is at '" + location
            + "', a path outside the model", "Save the model with every tensor inside the file.");
      }
      throw refused(what, "keeps the data of tensor '" + data.tensor() + "' in a separate file '" + location
          + "', which is not stored with the model", "Save the model with every tensor inside the file"
          + " (in Python, onnx.save(model, path, save_as_external_data=False)).");
    }
  }

  private static ModelException refused(String what, String problem, String remedy) {
    return new ModelException(what + " is refused: it " + problem + ". " + remedy);
  }
}
