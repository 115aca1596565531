package dev.gyre.train.internal;

import ai.onnx.proto.OnnxMl;
import dev.gyre.api.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

/**
 * Writes a Tribuo model as ONNX with extra metadata. Tribuo's own export already stores its
 * provenance under {@code TRIBUO_PROVENANCE}; the Gyre keys are added to the same
 * {@code metadata_props} through the ONNX protobuf classes Tribuo ships.
 */
public final class OnnxExport {
  /** The ONNX model domain. */
  public static final String DOMAIN = "dev.gyre";

  private OnnxExport() {}

  /**
   * Exports the model to {@code out}, replacing any file there only once the new one is complete.
   * The ONNX {@code model_version} is {@code version} when it is a whole number, otherwise 0; the
   * version text itself belongs in the metadata.
   */
  public static void write(LinearSGDModel model, String version, Map<String, String> metadata, Path out) {
    write(model.exportONNXModel(DOMAIN, onnxVersion(version)).toBuilder(), metadata, out);
  }

  /** Adds the metadata to {@code proto} and writes it to {@code out}, as the method above. */
  public static void write(OnnxMl.ModelProto.Builder proto, Map<String, String> metadata, Path out) {
    metadata.forEach((key, value) -> proto.addMetadataProps(
        OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    Path absolute = out.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
      try {
        Files.write(partial, proto.build().toByteArray());
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new ModelException("could not write the model to " + absolute + " (" + e
          + "); check that the directory is writable", e);
    }
  }

  /** {@code version} when it is a whole number, otherwise 0: the ONNX {@code model_version}. */
  public static long onnxVersion(String version) {
    try {
      return Math.max(0, Long.parseLong(version));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
