package dev.gyre.loop.internal;

import dev.gyre.core.plan.ModelLoader;
import dev.gyre.learn.online.LearnedModel;
import dev.gyre.registry.ModelFiles;
import dev.gyre.registry.ModelRegistry;
import dev.gyre.registry.PushRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link Versions} on a {@link ModelRegistry}: a snapshot is written to a temporary file and pushed
 * with the same checks as {@code gyre model push} (its provider loads the very bytes stored).
 */
public final class RegistryVersions implements Versions {
  private final ModelRegistry registry;
  private final ModelLoader loader = ModelLoader.serviceLoader();

  public RegistryVersions(ModelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void push(LearnedModel snapshot) {
    Path file = null;
    try {
      file = Files.createTempFile("gyre-" + snapshot.name() + "-", "." + snapshot.format());
      Files.write(file, snapshot.toBytes());
      registry.push(new PushRequest(snapshot.name(), snapshot.version(), snapshot.format(), file, snapshot.inputs(),
          null, ModelFiles.DEFAULT_MAX_BYTES), loader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write snapshot " + snapshot.version() + ": " + e.getMessage(), e);
    } finally {
      try {
        if (file != null) {
          Files.deleteIfExists(file);
        }
      } catch (IOException ignored) {
        // a temporary file left behind
      }
    }
  }

  @Override
  public void promote(String model, String version) {
    registry.promote(model, version);
  }

  @Override
  public void rollback(String model) {
    registry.rollback(model);
  }
}
