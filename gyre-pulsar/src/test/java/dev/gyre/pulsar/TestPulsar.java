package dev.gyre.pulsar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

/**
 * One real Pulsar broker per test JVM, started on first use on free ports with a fresh data
 * directory, and stopped when the JVM exits. Tests keep apart by using their own tenant
 * ({@link #tenant}), never by restarting the broker.
 */
public final class TestPulsar {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static EmbeddedPulsar broker;
  private static PulsarClient client;
  private static PulsarAdmin admin;

  private TestPulsar() {}

  public static synchronized EmbeddedPulsar broker() {
    if (broker == null) {
      try {
        Path data = Files.createTempDirectory("gyre-test-pulsar");
        Path home = Path.of(System.getProperty("user.home"), ".gyre");
        broker = EmbeddedPulsar.start(EmbeddedPulsar.Options.defaults(home).withDataDir(data).withPorts(0, 0));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return broker;
  }

  public static synchronized PulsarClient client() {
    if (client == null) {
      try {
        client = PulsarClient.builder().serviceUrl(broker().serviceUrl()).build();
      } catch (PulsarClientException e) {
        throw new IllegalStateException(e);
      }
    }
    return client;
  }

  public static synchronized PulsarAdmin admin() {
    if (admin == null) {
      try {
        admin = PulsarAdmin.builder().serviceHttpUrl(broker().adminUrl()).build();
      } catch (PulsarClientException e) {
        throw new IllegalStateException(e);
      }
    }
    return admin;
  }

  /** A tenant name no other test in this JVM uses, derived from {@code test}. */
  public static String tenant(String test) {
    return test.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + SEQUENCE.incrementAndGet();
  }
}
