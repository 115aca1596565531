package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gyre run} of the packaged jar in its own JVM, on a fresh embedded broker with free ports,
 * as users run it. Its output goes to a file (a pipe read by a thread loses the last lines when the
 * JDK closes it at process exit).
 */
final class GyreRunProcess implements AutoCloseable {
  private static final Pattern PULSAR = Pattern.compile("Pulsar is up: (pulsar://\\S+), admin");
  private static final Pattern DASHBOARD = Pattern.compile("Dashboard: (http://\\S+)");

  final Process process;
  final Path log;
  final String serviceUrl;
  final String dashboardUrl;
  private int consumed;

  private GyreRunProcess(Process process, Path log) throws Exception {
    this.process = process;
    this.log = log;
    Matcher pulsar = PULSAR.matcher(waitForLine("Pulsar is up"));
    assertThat(pulsar.find()).isTrue();
    this.serviceUrl = pulsar.group(1);
    waitForLine("running");
    Matcher dashboard = DASHBOARD.matcher(waitForLine("Dashboard:"));
    this.dashboardUrl = dashboard.find() ? dashboard.group(1) : null;
  }

  /** Starts {@code gyre run spec} with its broker data in {@code data}, plus {@code options}. */
  static GyreRunProcess start(Path spec, Path data, String... options) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = Files.createTempFile(data.getParent(), "gyre-run", ".log");
    List<String> command = new ArrayList<>(List.of(java, "-jar", Path.of("target", "gyre.jar").toString(),
        "run", spec.toString(), "--data-dir", data.toString(), "--broker-port", "0", "--web-port", "0"));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new GyreRunProcess(process, log);
  }

  /** The next line after those already seen that contains {@code text}. */
  String waitForLine(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      List<String> lines = Files.readAllLines(log);
      while (consumed < lines.size()) {
        String line = lines.get(consumed++);
        if (line.contains(text)) {
          return line;
        }
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no line with '" + text + "' in:\n" + output());
  }

  String output() throws java.io.IOException {
    return Files.readString(log);
  }

  /** Sends SIGTERM and waits for the process to end. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
