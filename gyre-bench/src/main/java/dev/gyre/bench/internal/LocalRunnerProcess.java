package dev.gyre.bench.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.api.StageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Pulsar Function in the distribution's own LocalRunner ({@code bin/function-localrunner}), in
 * the thread runtime: a JVM of its own, started with the distribution's default JVM options except
 * the heap, connected to the broker under test. Its output goes to a log file.
 */
public final class LocalRunnerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private LocalRunnerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * @param functionConfig the function's {@code FunctionConfig} as JSON fields
   * @param memory         the JVM's memory options ({@code PULSAR_MEM})
   */
  public static LocalRunnerProcess start(Path pulsarHome, Map<String, Object> functionConfig, String serviceUrl,
      String adminUrl, Path log, String memory) {
    try {
      List<String> command = new ArrayList<>(List.of(pulsarHome.resolve("bin/function-localrunner").toString(),
          "--functionConfig", new ObjectMapper().writeValueAsString(functionConfig),
          "--brokerServiceUrl", serviceUrl,
          "--webServiceUrl", adminUrl,
          "--runtime", "THREAD",
          "--metricsPortStart", Integer.toString(dev.gyre.pulsar.internal.FreePorts.pick())));
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("PULSAR_MEM", memory);
      builder.environment().put("PULSAR_GC_LOG", " ");
      return new LocalRunnerProcess(builder.start(), log);
    } catch (IOException e) {
      throw new StageException("cannot start the Pulsar Functions LocalRunner in " + pulsarHome + ": " + e.getMessage(),
          false, e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** The last lines of the runner's log, for error messages. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
