package dev.gyre.sinks;

import dev.gyre.api.Model;
import dev.gyre.api.Prediction;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.pulsar.PipelineRunner;
import dev.gyre.pulsar.TestPulsar;
import dev.gyre.spec.SpecLoader;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;

/** The sensor-like pipeline of the sink ITs, a stand-in model, and topic helpers. */
final class ItPipelines {
  private ItPipelines() {}

  /** Source, a features stage, a score stage; {@code sinks} is appended as written. */
  static String spec(String tenant, String sinks) {
    return """
        name: it
        key: deviceId
        source:
          topic: persistent://%1$s/raw/input
          schema:
            fields: {deviceId: string, temp: double, seq: long}
        stages:
          - name: transform
            type: features
            output: persistent://%1$s/features/transformed
            features:
              - temp_scaled = (temp - 20) / 10
              - alert = temp_scaled > 1.5
          - name: score
            type: score
            output: persistent://%1$s/predictions/warming
            model: {name: warming, path: none.onnx, inputs: [temp_scaled]}
        """.formatted(tenant) + sinks;
  }

  /** Plans with a model that says {@code warming} (0.9) above 1.5, else {@code normal} (0.2). */
  static PipelinePlan plan(String yaml) {
    return new PipelinePlanner(d -> new Model() {
      public String name() {
        return d.name();
      }

      public String version() {
        return d.version();
      }

      public List<String> inputs() {
        return d.inputs();
      }

      public Prediction predict(float[] f) {
        return f[0] > 1.5f ? new Prediction("warming", 0.9) : new Prediction("normal", 0.2);
      }

      public void close() {}
    }).plan(SpecLoader.parse(yaml, Path.of(".")));
  }

  static PipelineRunner start(PipelinePlan plan, MeterRegistry metrics) {
    PipelineRunner runner = new PipelineRunner(plan, TestPulsar.client(), metrics, Clock.systemUTC());
    runner.start(TestPulsar.admin());
    return runner;
  }

  static void send(String topic, List<String> payloads) throws Exception {
    try (Producer<byte[]> producer = TestPulsar.client().newProducer(Schema.BYTES).topic(topic)
        .batcherBuilder(BatcherBuilder.KEY_BASED).create()) {
      for (String payload : payloads) {
        producer.newMessage().key("k").value(payload.getBytes(StandardCharsets.UTF_8)).sendAsync();
      }
      producer.flush();
    }
  }

  /** Reads {@code topic} from its start until {@code expected} messages arrived, then one more second. */
  static List<Message<byte[]>> read(String topic, int expected, Duration timeout) throws Exception {
    List<Message<byte[]>> messages = new ArrayList<>();
    try (Consumer<byte[]> consumer = TestPulsar.client().newConsumer(Schema.BYTES).topic(topic)
        .subscriptionName("test-" + System.nanoTime())
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (messages.size() < expected && System.nanoTime() < deadline) {
        Message<byte[]> m = consumer.receive(200, TimeUnit.MILLISECONDS);
        if (m != null) {
          messages.add(m);
        }
      }
      Message<byte[]> extra;
      while ((extra = consumer.receive(1000, TimeUnit.MILLISECONDS)) != null) {
        messages.add(extra);
      }
    }
    return messages;
  }

  /** Waits until {@code condition} holds, up to {@code timeout}. */
  static void await(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
