package dev.gyre.onnx;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelProvider;

/**
 * The {@code onnx} model format. Listed in {@code META-INF/services/dev.gyre.api.ModelProvider}, so
 * putting this module on the class path is all it takes for a spec to say {@code format: onnx}.
 *
 * <p>Options (all optional) in {@link ModelDescriptor#options()}:
 * <ul>
 *   <li>{@code maxBytes}: largest model file accepted, default {@value OnnxModel#DEFAULT_MAX_BYTES}
 *       (256 MiB); guards the serving JVM against loading something that is not the intended model.
 *   <li>{@code intraOpThreads}: ONNX Runtime threads used within one row, default 1; single rows
 *       gain nothing from more, and stage threads already run rows in parallel.
 * </ul>
 * Any other option is an error, so a misspelt option is never silently ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class OnnxModelProvider implements ModelProvider {

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public OnnxModelProvider() {}

  @Override
  public String format() {
    return "onnx";
  }

  /**
   * Loads and checks an ONNX model; see {@link OnnxModel#load(ModelDescriptor)}.
   *
   * @throws dev.gyre.api.ModelException naming the file and what to do, if any check fails
   */
  @Override
  public Model load(ModelDescriptor descriptor) {
    return OnnxModel.load(descriptor);
  }
}
