package dev.gyre.pulsar.internal;

import dev.gyre.api.StageException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Finds the official Pulsar server distribution and unpacks it once into Gyre's home.
 *
 * <p>Lookup order: the directory named by {@code GYRE_PULSAR_HOME} (an unpacked distribution, for
 * users who have one); {@code <gyreHome>/pulsar/apache-pulsar-<version>} if already unpacked; else
 * the {@code pulsar-server-distribution} tarball that the build put into the local Maven repository
 * is unpacked there. Unpacking goes to a temporary directory renamed into place, so two processes
 * starting at once never see half a distribution.
 */
public final class PulsarDistribution {
  private PulsarDistribution() {}

  public static String version() {
    return buildProperties().getProperty("pulsar.version");
  }

  /** Returns the home of an unpacked distribution (it has {@code bin/pulsar}). */
  public static Path locate(Path gyreHome) {
    String explicit = System.getenv("GYRE_PULSAR_HOME");
    if (explicit != null && !explicit.isBlank()) {
      Path home = Path.of(explicit);
      if (!Files.isExecutable(home.resolve("bin/pulsar"))) {
        throw new StageException("GYRE_PULSAR_HOME is '" + explicit + "' but it has no executable bin/pulsar;"
            + " point it at an unpacked Apache Pulsar distribution or unset it", false);
      }
      return home;
    }
    String version = version();
    Path home = gyreHome.resolve("pulsar").resolve("apache-pulsar-" + version);
    if (Files.isExecutable(home.resolve("bin/pulsar"))) {
      return home;
    }
    Path tarball = tarball(version);
    unpack(tarball, home);
    return home;
  }

  private static Path tarball(String version) {
    String repo = System.getProperty("maven.repo.local", buildProperties().getProperty("local.repository"));
    Path tarball = Path.of(repo, "org/apache/pulsar/pulsar-server-distribution", version,
        "pulsar-server-distribution-" + version + "-bin.tar.gz");
    if (!Files.isRegularFile(tarball)) {
      throw new StageException("the Pulsar distribution " + tarball + " is missing; run the build"
          + " (mvn -DskipTests install) which downloads it, or set GYRE_PULSAR_HOME to an unpacked"
          + " Apache Pulsar " + version, false);
    }
    return tarball;
  }

  private static void unpack(Path tarball, Path home) {
    try {
      Files.createDirectories(home.getParent());
      Path tmp = Files.createTempDirectory(home.getParent(), ".unpack-");
      try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball), 1 << 16);
           TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
          Path target = tmp.resolve(entry.getName()).normalize();
          if (!target.startsWith(tmp)) {
            throw new IOException("archive entry escapes the target directory: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else if (entry.isSymbolicLink()) {
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
            if ((entry.getMode() & 0100) != 0) {
              Files.setPosixFilePermissions(target, executable());
            }
          }
        }
      }
      try (Stream<Path> top = Files.list(tmp)) {
        Path unpacked = top.filter(Files::isDirectory).findFirst()
            .orElseThrow(() -> new IOException("the archive " + tarball + " holds no directory"));
        try {
          Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
          if (!Files.isExecutable(home.resolve("bin/pulsar"))) {
            throw raced;
          }
        }
      } finally {
        deleteTree(tmp);
      }
    } catch (IOException e) {
      throw new StageException("cannot unpack " + tarball + " into " + home + ": " + e.getMessage(), false, e);
    }
  }

  private static Set<PosixFilePermission> executable() {
    return EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Properties buildProperties() {
    Properties props = new Properties();
    try (InputStream in = PulsarDistribution.class.getResourceAsStream("/dev/gyre/pulsar/distribution.properties")) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props;
  }
}
