package dev.gyre.learn.online;

import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;

/** Loading a snapshot file for a {@link dev.gyre.api.ModelProvider}: size limit, read, inputs check. */
final class SnapshotFiles {
  /** Default of the {@code maxBytes} option: 256 MiB, as for ONNX. */
  static final long DEFAULT_MAX_BYTES = 256L << 20;

  private SnapshotFiles() {}

  static <M extends LearnedModel> M load(ModelDescriptor d, String format, Function<byte[], M> read) {
    if (d.path() == null) {
      throw new ModelException("model '" + d.name() + "': format " + format + " loads a file, but a url was given");
    }
    long maxBytes = DEFAULT_MAX_BYTES;
    for (Map.Entry<String, String> option : d.options().entrySet()) {
      if (!option.getKey().equals("maxBytes")) {
        throw new ModelException("model '" + d.name() + "': option '" + option.getKey() + "' is unknown to format "
            + format + "; it takes maxBytes only");
      }
      try {
        maxBytes = Long.parseLong(option.getValue());
      } catch (NumberFormatException e) {
        throw new ModelException("model '" + d.name() + "': maxBytes was '" + option.getValue()
            + "' but it must be a whole number of bytes", e);
      }
    }
    byte[] bytes;
    try {
      long size = Files.size(d.path());
      if (size > maxBytes) {
        throw new ModelException("model file " + d.path() + " is " + size + " bytes, over maxBytes " + maxBytes);
      }
      bytes = Files.readAllBytes(d.path());
    } catch (IOException e) {
      throw new ModelException("cannot read model file " + d.path() + ": " + e.getMessage(), e);
    }
    M model = read.apply(bytes);
    if (!d.inputs().isEmpty() && !d.inputs().equals(model.inputs())) {
      throw new ModelException("model file " + d.path() + " takes inputs " + model.inputs() + " but the spec gives "
          + d.inputs() + "; use the same features in the same order");
    }
    return model;
  }
}
