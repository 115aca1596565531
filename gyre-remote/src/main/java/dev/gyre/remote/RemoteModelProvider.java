package dev.gyre.remote;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelProvider;
import java.time.Clock;

/**
 * The {@code kserve-v2} model format: a model served by a model server that speaks the Open
 * Inference Protocol (KServe v2) over REST with JSON, such as Triton, KServe, MLServer or Seldon.
 * Listed in {@code META-INF/services/dev.gyre.api.ModelProvider}, so putting this module on the
 * class path is all it takes for a spec to say {@code format: kserve-v2} with a {@code url}.
 *
 * <p>Stateless and thread-safe; see {@link RemoteModel} for what loading checks and the options.
 */
public final class RemoteModelProvider implements ModelProvider {
  /** The format name. */
  public static final String FORMAT = "kserve-v2";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public RemoteModelProvider() {}

  @Override
  public String format() {
    return FORMAT;
  }

  /**
   * Checks the server and the model, see {@link RemoteModel#load}.
   *
   * @throws dev.gyre.api.ModelException naming the URL, the model and what to do, if any check fails
   */
  @Override
  public Model load(ModelDescriptor descriptor) {
    return RemoteModel.load(descriptor, Clock.systemUTC());
  }
}
