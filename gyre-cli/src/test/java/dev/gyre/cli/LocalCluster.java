package dev.gyre.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The multi-process cluster of {@code scripts/cluster} (ZooKeeper, a bookie, two brokers, a
 * functions worker) for a test: started on fixed ports from {@code portBase} in its own directory,
 * wiped first, stopped by {@link #close()}. Each call runs the script and fails with its output.
 */
final class LocalCluster implements AutoCloseable {
  private static final Path SCRIPT = Path.of("..", "scripts", "cluster").toAbsolutePath().normalize();
  private final Path dir;
  private final int portBase;

  private LocalCluster(Path dir, int portBase) {
    this.dir = dir;
    this.portBase = portBase;
  }

  static LocalCluster start(Path dir, int portBase) {
    LocalCluster cluster = new LocalCluster(dir, portBase);
    cluster.run(60, "wipe");
    cluster.run(300, "start", "--port-base", Integer.toString(portBase));
    return cluster;
  }

  /** Both brokers, as a client lists them: the client fails over between them. */
  String serviceUrl() {
    return "pulsar://127.0.0.1:" + (portBase + 50) + ",127.0.0.1:" + (portBase + 51);
  }

  /** The admin URL of broker {@code n} (1 or 2). */
  String adminUrl(int n) {
    return "http://127.0.0.1:" + (portBase + 79 + n);
  }

  /** The broker service URL as the broker advertises it, e.g. in topic lookups. */
  String brokerUrl(int n) {
    return "pulsar://127.0.0.1:" + (portBase + 49 + n);
  }

  /** The functions worker's admin URL (it serves functions only). */
  String functionsUrl() {
    return "http://127.0.0.1:" + (portBase + 90);
  }

  /** Kills broker {@code n} with SIGKILL, starts it again and waits until it is healthy. */
  void restartBroker(int n) {
    run(180, "restart-broker", Integer.toString(n));
  }

  Path dir() {
    return dir;
  }

  @Override
  public void close() {
    run(120, "stop");
  }

  private String run(int timeoutSeconds, String... args) {
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--dir", dir.toString()));
    try {
      Files.createDirectories(dir.getParent());
      File log = dir.resolveSibling(dir.getFileName() + "-script.log").toFile();
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s; see " + log);
      }
      String output = Files.readString(log.toPath());
      if (process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed with " + process.exitValue() + ":\n"
            + output.substring(Math.max(0, output.length() - 4000)));
      }
      return output;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + SCRIPT + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + SCRIPT, e);
    }
  }
}
