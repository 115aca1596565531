package dev.gyre.onnx.internal;

import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;

/** Builds exception messages in one shape: which model and file, what was wrong, what to do. */
public final class Failures {
  private Failures() {}

  /** A problem found while loading: names the model, its file, the problem and the remedy. */
  public static ModelException atLoad(ModelDescriptor d, String problem, String remedy, Throwable cause) {
    return new ModelException(
        String.format("model '%s' version %s, file %s: %s. %s",
            d.name(), d.version(), d.path().toAbsolutePath(), problem, remedy),
        cause);
  }

  /** {@link #atLoad(ModelDescriptor, String, String, Throwable)} without a cause. */
  public static ModelException atLoad(ModelDescriptor d, String problem, String remedy) {
    return atLoad(d, problem, remedy, null);
  }

  /** A row that could not be scored; the file is not the problem, so it is not named. */
  public static ModelException atPredict(ModelDescriptor d, String problem, Throwable cause) {
    return new ModelException(
        String.format("model '%s' version %s: %s", d.name(), d.version(), problem), cause);
  }
}
