package dev.gyre.cli;

import dev.gyre.cli.internal.Broker;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the pipeline runs: the embedded broker by default, or an existing Pulsar. */
final class BrokerOptions {
  @Option(names = "--service-url", paramLabel = "URL",
      description = "an existing Pulsar's binary URL, e.g. pulsar://localhost:6650; without it Gyre starts its embedded broker")
  String serviceUrl;

  @Option(names = "--admin-url", paramLabel = "URL",
      description = "an existing Pulsar's admin URL, e.g. http://localhost:8080 (required with --service-url)")
  String adminUrl;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "the embedded broker's data directory (default: ${GYRE_HOME:-~/.gyre}/standalone)")
  Path dataDir;

  @Option(names = "--broker-port", defaultValue = "6650", description = "the embedded broker's port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int brokerPort;

  @Option(names = "--web-port", defaultValue = "8080", description = "the embedded broker's admin port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int webPort;

  Broker open(boolean wipe, java.io.PrintWriter log) {
    return Broker.open(serviceUrl, adminUrl, gyreHome(), dataDir, brokerPort, webPort, wipe, log);
  }

  static Path gyreHome() {
    String home = System.getenv("GYRE_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".gyre");
  }
}
