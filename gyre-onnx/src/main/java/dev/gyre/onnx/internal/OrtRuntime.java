package dev.gyre.onnx.internal;

import ai.onnxruntime.OrtEnvironment;
import dev.gyre.api.ModelDescriptor;

/** The one ONNX Runtime environment of the JVM, created on first use (it loads native code). */
final class OrtRuntime {
  private OrtRuntime() {}

  static OrtEnvironment environment(ModelDescriptor d) {
    try {
      return OrtEnvironment.getEnvironment();
    } catch (LinkageError | RuntimeException e) {
      throw Failures.atLoad(d, "ONNX Runtime's native library could not be loaded (" + e + ")",
          "Gyre's ONNX support needs Linux x64/aarch64, macOS aarch64 or Windows x64.", e);
    }
  }
}
