package dev.gyre.pulsar;

import dev.gyre.api.StageException;
import dev.gyre.pulsar.internal.FreePorts;
import dev.gyre.pulsar.internal.PulsarDistribution;
import dev.gyre.pulsar.internal.StandaloneConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Pulsar broker for one machine: the official distribution's {@code pulsar standalone}
 * (broker, bookie and metadata store in one process), started and stopped by Gyre.
 *
 * <p>The broker runs in its own JVM so that Gyre's classpath stays free of the broker's; it listens
 * on 127.0.0.1 only. Its data lives in {@link Options#dataDir()} and survives restarts unless
 * {@link Options#wipe()} is set. A broker left running by a crashed Gyre (found through the pid file
 * in the data directory) is stopped before a new one starts. {@link #close()} stops the process and
 * waits for it; a JVM shutdown hook does the same if the caller forgets.
 *
 * <pre>{@code
 * try (EmbeddedPulsar pulsar = EmbeddedPulsar.start(EmbeddedPulsar.Options.defaults(home))) {
 *   PulsarClient client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build();
 * }
 * }</pre>
 */
public final class EmbeddedPulsar implements AutoCloseable {

  /**
   * How to start the broker.
   *
   * @param gyreHome        where the distribution is unpacked (shared by all data directories)
   * @param dataDir         metadata, ledgers, logs and the pid file of this broker
   * @param brokerPort      the binary protocol port; 0 picks a free one
   * @param webPort         the HTTP (admin) port; 0 picks a free one
   * @param functionsWorker whether to run the functions worker inside the broker
   * @param wipe            whether to delete earlier data first
   * @param startTimeout    how long to wait for the broker to become healthy
   * @param memory          the broker JVM's memory options
   */
  public record Options(Path gyreHome, Path dataDir, int brokerPort, int webPort, boolean functionsWorker,
      boolean wipe, Duration startTimeout, String memory) {

    /** Ports 6650/8080 as every Pulsar tool expects, data in {@code <gyreHome>/standalone}. */
    public static Options defaults(Path gyreHome) {
      return new Options(gyreHome, gyreHome.resolve("standalone"), 6650, 8080, false, false,
          Duration.ofSeconds(120), "-Xms256m -Xmx1g -XX:MaxDirectMemorySize=1g");
    }

    public Options withDataDir(Path dir) {
      return new Options(gyreHome, dir, brokerPort, webPort, functionsWorker, wipe, startTimeout, memory);
    }

    public Options withPorts(int broker, int web) {
      return new Options(gyreHome, dataDir, broker, web, functionsWorker, wipe, startTimeout, memory);
    }

    public Options withWipe(boolean wipeData) {
      return new Options(gyreHome, dataDir, brokerPort, webPort, functionsWorker, wipeData, startTimeout, memory);
    }

    public Options withFunctionsWorker(boolean enabled) {
      return new Options(gyreHome, dataDir, brokerPort, webPort, enabled, wipe, startTimeout, memory);
    }
  }

  private final Process process;
  private final String serviceUrl;
  private final String adminUrl;
  private final Path dataDir;
  private final Thread shutdownHook;

  private EmbeddedPulsar(Process process, int brokerPort, int webPort, Path dataDir) {
    this.process = process;
    this.serviceUrl = "pulsar://127.0.0.1:" + brokerPort;
    this.adminUrl = "http://127.0.0.1:" + webPort;
    this.dataDir = dataDir;
    this.shutdownHook = new Thread(this::stopProcess, "gyre-embedded-pulsar-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts the broker and returns once its health check passes. */
  public static EmbeddedPulsar start(Options options) {
    Path home = PulsarDistribution.locate(options.gyreHome());
    Path data = options.dataDir().toAbsolutePath();
    try {
      stopLeftover(data);
      if (options.wipe()) {
        for (String dir : List.of("metadata", "bookkeeper")) {
          deleteTree(data.resolve(dir));
        }
      }
      Files.createDirectories(data.resolve("logs"));
      int brokerPort = options.brokerPort() == 0 ? FreePorts.pick() : options.brokerPort();
      int webPort = options.webPort() == 0 ? FreePorts.pick() : options.webPort();
      FreePorts.requireFree(brokerPort, "the broker port");
      FreePorts.requireFree(webPort, "the web (admin) port");
      Path conf = StandaloneConfig.write(home, data, brokerPort, webPort);
      Process process = launch(home, data, conf, options);
      Files.writeString(data.resolve("standalone.pid"), Long.toString(process.pid()));
      EmbeddedPulsar pulsar = new EmbeddedPulsar(process, brokerPort, webPort, data);
      pulsar.awaitHealthy(options.startTimeout());
      return pulsar;
    } catch (IOException e) {
      throw new StageException("cannot start the embedded Pulsar in " + data + ": " + e.getMessage(), true, e);
    }
  }

  private static Process launch(Path home, Path data, Path conf, Options options) throws IOException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/pulsar").toString(), "standalone",
        "--config", conf.toString(),
        "--metadata-dir", data.resolve("metadata").toString(),
        "--bookkeeper-dir", data.resolve("bookkeeper").toString(),
        "--bookkeeper-port", Integer.toString(FreePorts.pick()),
        "--stream-storage-port", Integer.toString(FreePorts.pick()),
        "--no-stream-storage"));
    if (options.functionsWorker()) {
      command.add("--functions-worker-conf");
      command.add(StandaloneConfig.writeFunctionsWorker(home, data).toString());
    } else {
      command.add("--no-functions-worker");
    }
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(data.toFile())
        .redirectErrorStream(true)
        .redirectOutput(data.resolve("logs/standalone.out").toFile());
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("PULSAR_MEM", options.memory());
    env.put("PULSAR_LOG_DIR", data.resolve("logs").toString());
    env.put("PULSAR_GC_LOG", " ");
    env.put("PULSAR_STANDALONE_CONF", conf.toString());
    return builder.start();
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(adminUrl + "/admin/v2/brokers/health"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw failure("the broker process exited with code " + process.exitValue());
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new StageException("interrupted while waiting for the embedded Pulsar", true, e);
      }
      sleep(250);
    }
    close();
    throw failure("the broker was not healthy after " + timeout.toSeconds() + " s");
  }

  private StageException failure(String what) {
    Path log = dataDir.resolve("logs/standalone.out");
    String tail = "";
    try {
      List<String> lines = Files.readAllLines(log);
      tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    } catch (IOException ignored) {
      // no log to show
    }
    return new StageException("cannot start the embedded Pulsar: " + what + "; see " + log + "\n" + tail, true);
  }

  public String serviceUrl() {
    return serviceUrl;
  }

  public String adminUrl() {
    return adminUrl;
  }

  public Path dataDir() {
    return dataDir;
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the broker and waits for its process to end. Idempotent. */
  @Override
  public void close() {
    stopProcess();
    detachShutdownHook();
  }

  /**
   * Hands the broker's stop at JVM exit over to the caller, who must then {@link #close()} it
   * from its own shutdown hook, after stopping what still uses the broker.
   */
  public void detachShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private void stopProcess() {
    stop(process.toHandle());
    try {
      Files.deleteIfExists(dataDir.resolve("standalone.pid"));
    } catch (IOException ignored) {
      // a stale pid file is handled at the next start
    }
  }

  private static void stop(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return;
    }
    List<ProcessHandle> children = handle.descendants().toList();
    handle.destroy();
    try {
      handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      handle.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private static void stopLeftover(Path data) throws IOException {
    Path pidFile = data.resolve("standalone.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
    leftover.filter(p -> p.info().commandLine().orElse("").contains("PulsarStandaloneStarter"))
        .ifPresent(EmbeddedPulsar::stop);
    Files.deleteIfExists(pidFile);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
