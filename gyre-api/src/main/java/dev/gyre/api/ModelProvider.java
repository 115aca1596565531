package dev.gyre.api;

/**
 * Loads models of one format. Found with {@link java.util.ServiceLoader}: an implementation is
 * listed in {@code META-INF/services/dev.gyre.api.ModelProvider} of its module, so adding a format
 * means adding a jar, not editing Gyre.
 */
public interface ModelProvider {

  /** The format name used in specs, lower case, such as {@code onnx}. */
  String format();

  /**
   * Loads and checks a model.
   *
   * @throws ModelException if the file is missing, unreadable, or does not match the descriptor's inputs
   */
  Model load(ModelDescriptor descriptor);
}
