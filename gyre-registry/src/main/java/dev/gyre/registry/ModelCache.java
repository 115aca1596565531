package dev.gyre.registry;

import dev.gyre.api.ModelException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

/**
 * Local copies of registry versions, so a restart or a second stage does not fetch a file again:
 * {@code <dir>/<name>/<version>-<first 12 hex digits of the SHA-256>/model.<format>}. A copy is
 * checked ({@link ModelFiles}) every time it is used; a damaged one is fetched again. Files appear
 * atomically, so processes sharing the directory never read half a file.
 */
public final class ModelCache {
  private final Path dir;

  public ModelCache(Path dir) {
    this.dir = dir;
  }

  /**
   * {@code models/} under Gyre's home: the system property {@code gyre.home}, else the environment
   * variable {@code GYRE_HOME}, else {@code ~/.gyre}.
   */
  public static Path defaultDirectory() {
    String home = System.getProperty("gyre.home");
    if (home == null || home.isBlank()) {
      home = System.getenv("GYRE_HOME");
    }
    Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".gyre");
    return base.resolve("models");
  }

  public Path directory() {
    return dir;
  }

  /**
   * A checked local copy of {@code version}, fetched with {@code fetch} when there is none (or a bad one).
   *
   * @throws ModelException if the bytes fail the checks or cannot be written
   */
  public Path file(ModelVersion version, Supplier<byte[]> fetch, long maxBytes) {
    Path file = dir.resolve(version.name()).resolve(version.version() + "-" + version.sha256().substring(0, 12))
        .resolve("model." + version.format());
    String what = "model '" + version.name() + "' version " + version.version() + " (" + file + ")";
    try {
      if (Files.isRegularFile(file)) {
        try {
          ModelFiles.check(what, Files.readAllBytes(file), version.format(), maxBytes, version.sha256());
          return file;
        } catch (ModelException damaged) {
          Files.deleteIfExists(file);
        }
      }
      byte[] bytes = fetch.get();
      ModelFiles.check(what, bytes, version.format(), maxBytes, version.sha256());
      Files.createDirectories(file.getParent());
      Path part = Files.createTempFile(file.getParent(), "model-", ".part");
      Files.write(part, bytes);
      try {
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new ModelException("cannot keep a local copy of " + what + ": " + e.getMessage(), e);
    }
  }
}
