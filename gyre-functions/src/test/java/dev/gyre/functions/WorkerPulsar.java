package dev.gyre.functions;

import dev.gyre.pulsar.EmbeddedPulsar;
import dev.gyre.pulsar.internal.PulsarDistribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.common.policies.data.FunctionStatus;

/**
 * The official standalone with its functions worker, on free ports and a fresh data directory,
 * with a Java client and admin and the official command-line tools pointed at it. Tests keep apart
 * by tenant ({@link #tenant}); closing removes what the worker kept for those tenants.
 */
final class WorkerPulsar implements AutoCloseable {
  static final Path GYRE_HOME = Path.of(System.getProperty("user.home"), ".gyre");

  final EmbeddedPulsar pulsar;
  final PulsarClient client;
  final PulsarAdmin admin;
  final OfficialTools tools;
  private final List<String> tenants = new ArrayList<>();

  WorkerPulsar() throws Exception {
    pulsar = EmbeddedPulsar.start(EmbeddedPulsar.Options.defaults(GYRE_HOME)
        .withDataDir(Files.createTempDirectory("gyre-functions-it")).withPorts(0, 0).withFunctionsWorker(true));
    client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build();
    admin = PulsarAdmin.builder().serviceHttpUrl(pulsar.adminUrl()).build();
    tools = new OfficialTools(GYRE_HOME, pulsar.adminUrl(), pulsar.serviceUrl());
    awaitWorker();
  }

  /** A tenant name no earlier run used: the worker keeps function packages across data directories. */
  String tenant(String prefix) {
    String tenant = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    tenants.add(tenant);
    return tenant;
  }

  /** Waits until an instance of the function is down with an error, and returns that error. */
  String awaitStoppedInstance(String tenant, String namespace, String name) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      FunctionStatus status = admin.functions().getFunctionStatus(tenant, namespace, name);
      for (FunctionStatus.FunctionInstanceStatus instance : status.getInstances()) {
        String error = instance.getStatus().getError();
        if (!instance.getStatus().isRunning() && error != null && !error.isBlank()) {
          return error;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("function " + name + " did not stop");
  }

  private void awaitWorker() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        admin.functions().getFunctions("public", "default");
        return;
      } catch (Exception notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the functions worker did not come up", notYet);
        }
        Thread.sleep(250);
      }
    }
  }

  @Override
  public void close() throws Exception {
    admin.close();
    client.close();
    pulsar.close();
    deleteTree(pulsar.dataDir());
    // The worker keeps uploaded jars, downloads and instance logs under its working directory, the
    // distribution's, not in the data directory: remove this run's.
    Path home = PulsarDistribution.locate(GYRE_HOME);
    for (String tenant : tenants) {
      for (String dir : List.of("packages-storage/function", "download/pulsar_functions", "logs/functions")) {
        deleteTree(home.resolve(dir).resolve(tenant));
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
