package dev.gyre.onnx.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.gyre.api.ModelDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads a model file, opens an ONNX Runtime session on it and checks it against its descriptor. */
public final class OnnxLoader {
  private OnnxLoader() {}

  /**
   * A checked, open session.
   *
   * @param env       the JVM's ONNX Runtime environment
   * @param session   the session; the caller closes it
   * @param layout    how a spec row maps onto the model's inputs
   * @param reader    how to read the output
   * @param metadata  the model's custom metadata (read-only)
   */
  public record Loaded(
      OrtEnvironment env, OrtSession session, InputLayout layout, OutputReader reader, Map<String, String> metadata) {}

  /** Loads the descriptor's file; throws {@link dev.gyre.api.ModelException} on any failed check. */
  public static Loaded load(ModelDescriptor d) {
    OnnxOptions options = OnnxOptions.of(d);
    byte[] bytes = read(d, options.maxBytes());
    OrtEnvironment env = OrtRuntime.environment(d);
    OrtSession session = open(d, env, bytes, options);
    try {
      Map<String, String> metadata = Map.copyOf(session.getMetadata().getCustomMetadata());
      GyreMetadata.checkInputs(d, metadata);
      InputLayout layout = InputLayouts.choose(d, session.getInputInfo(), metadata.containsKey(GyreMetadata.INPUTS));
      OutputReader reader = OutputReaders.choose(
          d, session.getOutputInfo(), GyreMetadata.list(metadata, GyreMetadata.LABELS));
      return new Loaded(env, session, layout, reader, metadata);
    } catch (OrtException e) {
      closeQuietly(session);
      throw Failures.atLoad(d, "ONNX Runtime could not describe the model (" + e.getMessage() + ")",
          "Export the model to ONNX again.", e);
    } catch (RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
  }

  private static byte[] read(ModelDescriptor d, long maxBytes) {
    Path path = d.path();
    if (!Files.exists(path)) {
      throw Failures.atLoad(d, "the file does not exist",
          "Check model.path in the spec (a relative path resolves against the spec's directory), or train the model with gyre train.");
    }
    if (!Files.isRegularFile(path)) {
      throw Failures.atLoad(d, "the path is not a regular file", "Point the spec at the .onnx file itself.");
    }
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        throw Failures.atLoad(d, "the file is " + size + " bytes, more than the limit of " + maxBytes
            + " (option maxBytes)", "Check that this is the intended model, or raise the option maxBytes.");
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw Failures.atLoad(d, "the file could not be read (" + e + ")",
          "Check that the file is readable by the user running Gyre.", e);
    }
  }

  private static OrtSession open(ModelDescriptor d, OrtEnvironment env, byte[] bytes, OnnxOptions options) {
    try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
      sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
      sessionOptions.setInterOpNumThreads(1);
      return env.createSession(bytes, sessionOptions);
    } catch (OrtException e) {
      throw Failures.atLoad(d, "the file is not a valid ONNX model (" + e.getMessage().strip() + ")",
          "Export the model to ONNX again, or check that the path names an .onnx file.", e);
    }
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      // already failing with a better message
    }
  }
}
