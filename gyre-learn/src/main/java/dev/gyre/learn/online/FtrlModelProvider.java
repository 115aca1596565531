package dev.gyre.learn.online;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelProvider;

/**
 * The {@value FtrlModel#FORMAT} model format: a file written by {@link FtrlModel#toBytes()}. Listed in
 * {@code META-INF/services/dev.gyre.api.ModelProvider}. The one option, {@code maxBytes}, limits the
 * file size (default 256 MiB). The model serves under the descriptor's name and version. Thread-safe.
 */
public final class FtrlModelProvider implements ModelProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public FtrlModelProvider() {}

  @Override
  public String format() {
    return FtrlModel.FORMAT;
  }

  @Override
  public Model load(ModelDescriptor d) {
    return SnapshotFiles.load(d, FtrlModel.FORMAT, FtrlModel::fromBytes).withIdentity(d.name(), d.version());
  }
}
