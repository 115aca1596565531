package dev.gyre.cli.internal;

import dev.gyre.api.GyreException;
import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.api.StageException;
import dev.gyre.pulsar.EmbeddedPulsar;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

/** A connected client and admin, and the embedded broker behind them if Gyre started one. */
public final class Broker implements AutoCloseable {
  private final EmbeddedPulsar embedded;
  private final PulsarClient client;
  private final PulsarAdmin admin;
  private final String serviceUrl;

  private Broker(EmbeddedPulsar embedded, String serviceUrl, String adminUrl) throws PulsarClientException {
    this.embedded = embedded;
    this.serviceUrl = serviceUrl;
    this.client = PulsarClient.builder().serviceUrl(serviceUrl)
        .ioThreads(1).listenerThreads(1)
        .connectionTimeout(10, TimeUnit.SECONDS)
        .build();
    this.admin = PulsarAdmin.builder().serviceHttpUrl(adminUrl).build();
  }

  /**
   * Connects to the Pulsar at the given URLs, or starts the embedded one when both are null.
   *
   * @throws SpecException when only one URL is given
   */
  public static Broker open(String serviceUrl, String adminUrl, Path gyreHome, Path dataDir, int brokerPort,
      int webPort, boolean wipe, java.io.PrintWriter log) {
    if ((serviceUrl == null) != (adminUrl == null)) {
      String given = serviceUrl == null ? "--admin-url" : "--service-url";
      String missing = serviceUrl == null ? "--service-url" : "--admin-url";
      throw new SpecException(new SpecProblem(missing, 0, null, "must be given together with " + given
          + " (both name an existing Pulsar; give neither to use the embedded broker)"));
    }
    EmbeddedPulsar embedded = null;
    try {
      if (serviceUrl == null) {
        EmbeddedPulsar.Options options = EmbeddedPulsar.Options.defaults(gyreHome).withPorts(brokerPort, webPort)
            .withWipe(wipe);
        if (dataDir != null) {
          options = options.withDataDir(dataDir);
        }
        log.printf("Starting the embedded Pulsar %s (data in %s) ...%n",
            dev.gyre.pulsar.internal.PulsarDistribution.version(), options.dataDir());
        embedded = EmbeddedPulsar.start(options);
        // Gyre's commands stop the broker themselves, after their stages have drained.
        embedded.detachShutdownHook();
        serviceUrl = embedded.serviceUrl();
        adminUrl = embedded.adminUrl();
        log.printf("Pulsar is up: %s, admin %s%n", serviceUrl, adminUrl);
      }
      return new Broker(embedded, serviceUrl, adminUrl);
    } catch (PulsarClientException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw new StageException("cannot connect to Pulsar at " + serviceUrl + ": " + e.getMessage(), true, e);
    } catch (GyreException e) {
      throw e;
    }
  }

  public PulsarClient client() {
    return client;
  }

  public PulsarAdmin admin() {
    return admin;
  }

  public String serviceUrl() {
    return serviceUrl;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (PulsarClientException ignored) {
      // closing anyway
    }
    admin.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
