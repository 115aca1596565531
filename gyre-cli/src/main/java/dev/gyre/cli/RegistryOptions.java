package dev.gyre.cli;

import dev.gyre.api.StageException;
import dev.gyre.registry.ModelRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import picocli.CommandLine.Option;

/**
 * Where the registry is: a namespace on a running Pulsar. The defaults reach the embedded broker of
 * a {@code gyre run} on this machine; {@code gyre model} never starts a broker itself, since a
 * second embedded broker on the same data directory would stop the first.
 */
final class RegistryOptions implements AutoCloseable {
  static final String DEFAULT_REGISTRY = "ml/models";

  @Option(names = "--registry", paramLabel = "TENANT/NAMESPACE",
      description = "the registry's namespace (default: the spec's model.registry, else " + DEFAULT_REGISTRY + ")")
  String registry;

  @Option(names = "--service-url", paramLabel = "URL", defaultValue = "pulsar://localhost:6650",
      description = "Pulsar's binary URL (default: ${DEFAULT-VALUE}, where gyre run's embedded broker listens)")
  String serviceUrl;

  @Option(names = "--admin-url", paramLabel = "URL", defaultValue = "http://localhost:8080",
      description = "Pulsar's admin URL (default: ${DEFAULT-VALUE})")
  String adminUrl;

  private PulsarClient client;
  private PulsarAdmin admin;

  /** Connects and opens the registry; {@code fromSpec} is the spec's model.registry, or null. */
  ModelRegistry open(String fromSpec) {
    String namespace = registry != null ? registry : fromSpec != null ? fromSpec : DEFAULT_REGISTRY;
    try {
      admin = PulsarAdmin.builder().serviceHttpUrl(adminUrl).connectionTimeout(5, TimeUnit.SECONDS)
          .requestTimeout(30, TimeUnit.SECONDS).build();
      admin.clusters().getClusters();
      client = PulsarClient.builder().serviceUrl(serviceUrl).connectionTimeout(5, TimeUnit.SECONDS)
          .operationTimeout(30, TimeUnit.SECONDS).ioThreads(1).listenerThreads(1).build();
    } catch (PulsarClientException | PulsarAdminException e) {
      close();
      throw new StageException("cannot reach Pulsar at " + adminUrl + " (" + e.getMessage() + "). Start it (gyre run"
          + " starts an embedded one), or give --service-url and --admin-url", true, e);
    }
    return ModelRegistry.open(client, admin, namespace, Clock.systemUTC());
  }

  @Override
  public void close() {
    if (client != null) {
      try {
        client.close();
      } catch (PulsarClientException ignored) {
        // closing anyway
      }
    }
    if (admin != null) {
      admin.close();
    }
  }
}
