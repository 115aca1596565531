package dev.gyre.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stored version of a model: what it is, how to check it, where it came from, and where its
 * bytes are. Immutable once pushed; the registry keeps it under the key {@link #key()}.
 *
 * @param name           the model's name
 * @param version        the version, unique per name
 * @param format         the model format, such as {@code onnx}
 * @param sha256         lower-case hex SHA-256 of the file; checked again before it serves
 * @param sizeBytes      the file's size
 * @param inputs         the feature names it takes, in order (from {@code gyre.inputs} or the push)
 * @param labels         its class labels in output order (from {@code gyre.labels}), possibly empty
 * @param trainingReport the training report as JSON text ({@code gyre.training.report}), or null
 * @param pushedAt       when it was pushed
 * @param pushedBy       who pushed it, {@code user@host}
 * @param source         the file it was pushed from, as the pusher named it
 * @param producer       the tool that wrote the file, such as {@code Tribuo 4.3.2}, or empty
 * @param payload        where its bytes are
 */
public record ModelVersion(String name, String version, String format, String sha256, long sizeBytes,
    List<String> inputs, List<String> labels, String trainingReport, Instant pushedAt, String pushedBy,
    String source, String producer, Payload payload) {

  /**
   * Where a version's bytes are on the payload topic: {@code chunks} messages from
   * {@code firstMessageId} on, tagged with {@code upload}.
   *
   * @param upload         identifies this push's chunks among others (a retried push writes new ones)
   * @param firstMessageId the first chunk's message id, Base64 of {@code MessageId.toByteArray()}
   * @param chunks         how many chunks
   */
  public record Payload(String upload, String firstMessageId, int chunks) {
    public Payload {
      Objects.requireNonNull(upload, "upload");
      Objects.requireNonNull(firstMessageId, "firstMessageId");
    }
  }

  public ModelVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(pushedAt, "pushedAt");
    Objects.requireNonNull(payload, "payload");
    inputs = List.copyOf(inputs);
    labels = List.copyOf(labels);
    pushedBy = Objects.requireNonNullElse(pushedBy, "");
    source = Objects.requireNonNullElse(source, "");
    producer = Objects.requireNonNullElse(producer, "");
  }

  /** The record's key in the registry: {@code name@version}. */
  public String key() {
    return key(name, version);
  }

  public static String key(String name, String version) {
    return name + "@" + version;
  }
}
