package dev.gyre.functions;

import dev.gyre.pulsar.internal.PulsarDistribution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pulsar's own command-line tools, {@code bin/pulsar-admin} and {@code bin/pulsar-client} of the
 * official distribution, run as external processes the way a user runs them.
 */
final class OfficialTools {
  private final Path home;
  private final String adminUrl;
  private final String serviceUrl;

  OfficialTools(Path gyreHome, String adminUrl, String serviceUrl) {
    this.home = PulsarDistribution.locate(gyreHome);
    this.adminUrl = adminUrl;
    this.serviceUrl = serviceUrl;
  }

  /** What a finished tool printed, and its exit code. */
  record Result(List<String> command, int exitCode, String output) {
    Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + ":\n" + output);
      }
      return this;
    }
  }

  /** A tool started but maybe not finished, so that several can run at once. */
  final class Run {
    private final List<String> command;
    private final Process process;
    private final Path log;

    private Run(List<String> command) throws IOException {
      this.command = command;
      this.log = Files.createTempFile("gyre-official-tool", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      this.process = builder.start();
    }

    Result await() throws IOException, InterruptedException {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      return new Result(command, process.exitValue(), output);
    }
  }

  /**
   * The last lines of a function instance's log. The process runtime writes it under the worker's
   * {@code logs/functions}, which for the standalone is in the distribution's directory, and starts
   * it afresh at every restart of the instance.
   */
  String functionLog(String tenant, String namespace, String name) {
    Path log = home.resolve("logs/functions").resolve(tenant).resolve(namespace).resolve(name).resolve(name + "-0.log");
    try {
      List<String> lines = Files.readAllLines(log);
      return log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return log + ": " + e;
    }
  }

  /** Starts {@code bin/pulsar-admin --admin-url <url> <args>}. */
  Run admin(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/pulsar-admin").toString(), "--admin-url", adminUrl));
    command.addAll(List.of(args));
    return new Run(command);
  }

  /** Starts {@code bin/pulsar-client --url <url> <args>}. */
  Run client(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/pulsar-client").toString(), "--url", serviceUrl));
    command.addAll(List.of(args));
    return new Run(command);
  }
}
