package dev.gyre.bench;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the shaded {@code gyre-functions} jar that the Functions scenario deploys. */
final class FunctionsJar {
  private FunctionsJar() {}

  /**
   * {@code explicit} if given, else the newest shaded {@code gyre-functions-*-all.jar} in
   * {@code <root>/gyre-functions/target}.
   */
  static Path find(Path root, Path explicit) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new SpecException(new SpecProblem("--functions-jar", 0, explicit.toString(), "is not a file"));
      }
      return explicit.toAbsolutePath();
    }
    Path target = root.resolve("gyre-functions/target");
    Optional<Path> newest = Optional.empty();
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        newest = files.filter(p -> {
          String n = p.getFileName().toString();
          return n.startsWith("gyre-functions") && n.endsWith("-all.jar");
        }).max(Comparator.comparing(FunctionsJar::modified));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return newest.map(Path::toAbsolutePath).orElseThrow(() -> new SpecException(new SpecProblem("--functions-jar", 0,
        target.toString(), "has no shaded gyre-functions-*-all.jar; build it (mvn -pl gyre-functions -am package -DskipTests),"
        + " pass --functions-jar, or leave the Functions scenario out with --scenarios raw,gyre")));
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
