package dev.gyre.bench;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.pulsar.EmbeddedPulsar;
import dev.gyre.pulsar.internal.PulsarDistribution;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The broker under test: a fresh embedded one, or an existing one. */
record BenchBroker(EmbeddedPulsar embedded, String serviceUrl, String adminUrl, Path pulsarHome)
    implements AutoCloseable {

  static BenchBroker open(String serviceUrl, String adminUrl, PrintWriter log) {
    Path gyreHome = gyreHome();
    Path pulsarHome = PulsarDistribution.locate(gyreHome);
    if (serviceUrl != null || adminUrl != null) {
      if (serviceUrl == null || adminUrl == null) {
        throw new SpecException(new SpecProblem(serviceUrl == null ? "--service-url" : "--admin-url", 0, null,
            "must be given together with the other URL, or leave both out to use a fresh embedded broker"));
      }
      return new BenchBroker(null, serviceUrl, adminUrl, pulsarHome);
    }
    EmbeddedPulsar.Options options = EmbeddedPulsar.Options.defaults(gyreHome)
        .withDataDir(gyreHome.resolve("bench-standalone")).withPorts(0, 0).withWipe(true);
    log.printf("Starting a fresh embedded Pulsar %s (data in %s) ...%n", PulsarDistribution.version(),
        options.dataDir());
    log.flush();
    EmbeddedPulsar pulsar = EmbeddedPulsar.start(options);
    return new BenchBroker(pulsar, pulsar.serviceUrl(), pulsar.adminUrl(), pulsarHome);
  }

  /** The embedded broker's process, for CPU accounting; none for an existing broker. */
  Map<String, Long> processes() {
    if (embedded == null) {
      return Map.of();
    }
    try {
      return Map.of("broker", Long.parseLong(Files.readString(embedded.dataDir().resolve("standalone.pid")).trim()));
    } catch (java.io.IOException | NumberFormatException e) {
      return Map.of();
    }
  }

  private static Path gyreHome() {
    String home = System.getenv("GYRE_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".gyre");
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
