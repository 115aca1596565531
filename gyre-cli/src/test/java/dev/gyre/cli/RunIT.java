package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.cli.demo.SensorData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gyre run} as a user runs it, in its own JVM: SIGTERM (what Ctrl-C and {@code kill} send)
 * stops it cleanly with exit code 0 and stops the embedded broker; a second run on the same data
 * directory picks up where the first stopped, and no event is lost.
 */
class RunIT {
  private static final Pattern URL = Pattern.compile("Pulsar is up: (pulsar://\\S+), admin");

  @Test
  void shouldStopCleanlyOnSigtermAndLoseNoEventAcrossARestart(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir.resolve("sensor"));
    Path csv = dir.resolve("train.csv");
    SensorData.read(dir.resolve("sensor/data/seattle-temps.csv")).writeTrainingSet(csv);
    assertThat(CliRun.of("train", spec.toString(), "--data", csv.toString(), "--label", "warming").exitCode()).isZero();
    Path data = dir.resolve("pulsar");
    int total = 4000;

    Gyre first = Gyre.start(spec, data);
    try (PulsarClient client = PulsarClient.builder().serviceUrl(first.serviceUrl).build()) {
      send(client, 0, total / 2);
      first.waitForProcessed(total / 4);
    }
    first.stop();
    // 143 = 128 + SIGTERM: a JVM ended by a signal reports it, after its shutdown hooks ran.
    assertThat(first.process.exitValue()).as(first.output()).isEqualTo(143);
    assertThat(first.output()).contains("Pipeline stopped cleanly.");
    assertThat(data.resolve("standalone.pid")).as("the embedded broker was stopped").doesNotExist();

    Gyre second = Gyre.start(spec, data);
    try (PulsarClient client = PulsarClient.builder().serviceUrl(second.serviceUrl).build()) {
      send(client, total / 2, total);
      Set<Long> seen = readSequences(client, total);
      assertThat(seen).as("every event reaches the prediction topic at least once").hasSize(total);
    } finally {
      second.stop();
    }
    assertThat(second.process.exitValue()).as(second.output()).isEqualTo(143);
    assertThat(second.output()).contains("Pipeline stopped cleanly.");
  }

  private static void send(PulsarClient client, int from, int to) throws Exception {
    try (Producer<byte[]> producer = client.newProducer(Schema.BYTES).topic("persistent://ml/raw/sensor-input")
        .batcherBuilder(BatcherBuilder.KEY_BASED).create()) {
      for (int i = from; i < to; i++) {
        String json = "{\"deviceId\": \"d" + (i % 5) + "\", \"temp\": 40.5, \"ts\": " + (1_262_304_000L + i * 3600L) + "}";
        producer.newMessage().key("d" + (i % 5)).value(json.getBytes(StandardCharsets.UTF_8)).sendAsync();
      }
      producer.flush();
    }
  }

  private static Set<Long> readSequences(PulsarClient client, int expected) throws Exception {
    Set<Long> seen = new HashSet<>();
    try (Consumer<byte[]> consumer = client.newConsumer(Schema.BYTES)
        .topic("persistent://ml/predictions/sensor-warming").subscriptionName("run-it")
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (seen.size() < expected && System.nanoTime() < deadline) {
        Message<byte[]> m = consumer.receive(500, TimeUnit.MILLISECONDS);
        if (m != null) {
          String value = new String(m.getValue(), StandardCharsets.UTF_8);
          Matcher ts = Pattern.compile("\"ts\":(\\d+)").matcher(value);
          assertThat(ts.find()).isTrue();
          seen.add((Long.parseLong(ts.group(1)) - 1_262_304_000L) / 3600L);
        }
      }
    }
    return seen;
  }

  /**
   * A {@code gyre run} child process. Its output goes to a file: a pipe read by a thread loses the
   * last lines when the JDK closes the pipe at process exit.
   */
  private static final class Gyre {
    final Process process;
    final Path log;
    int consumed;
    String serviceUrl;

    private Gyre(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    static Gyre start(Path spec, Path data) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Path log = Files.createTempFile(data.getParent(), "gyre-run", ".log");
      // The packaged command, as users run it (integration tests run after the package phase).
      Process process = new ProcessBuilder(java, "-jar", Path.of("target", "gyre.jar").toString(),
          "run", spec.toString(), "--data-dir", data.toString(), "--broker-port", "0", "--web-port", "0",
          "--metrics-port", "-1", "--progress-every", "500ms")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      Gyre gyre = new Gyre(process, log);
      Matcher url = URL.matcher(gyre.waitForLine("Pulsar is up"));
      assertThat(url.find()).isTrue();
      gyre.serviceUrl = url.group(1);
      gyre.waitForLine("running");
      return gyre;
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

    /** Sends SIGTERM and waits for the process to end. */
    void stop() throws InterruptedException {
      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    /** Waits for a progress line showing at least {@code n} events into the first stage. */
    void waitForProcessed(int n) throws Exception {
      Pattern progress = Pattern.compile("transform in ([\\d,]+)");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline) {
        Matcher m = progress.matcher(waitForLine("transform in"));
        if (m.find() && Long.parseLong(m.group(1).replace(",", "")) >= n) {
          return;
        }
      }
      throw new AssertionError("fewer than " + n + " events processed:\n" + output());
    }

    String output() throws java.io.IOException {
      return Files.readString(log);
    }
  }
}
