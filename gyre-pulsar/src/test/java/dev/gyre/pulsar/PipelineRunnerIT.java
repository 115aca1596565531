package dev.gyre.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.api.ModelException;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.spec.SpecLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.common.schema.SchemaInfo;
import org.apache.pulsar.common.schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The stage host against a real broker: accounting, dead letters, schemas, order, restarts. */
class PipelineRunnerIT {

  private static String spec(String tenant, int parallelism) {
    return """
        name: it
        key: deviceId
        source:
          topic: persistent://%1$s/raw/input
          schema:
            maxMessageBytes: 2048
            fields:
              deviceId: string
              temp: double
              delta: {type: double, required: false}
              seq: long
        stages:
          - name: transform
            type: features
            output: persistent://%1$s/features/transformed
            parallelism: %2$d
            features:
              - temp_scaled = (temp - 20) / 10
              - alert = temp_scaled > 1.5
              - ratio = if(is_missing(delta), 0, temp / delta)
        """.formatted(tenant, parallelism);
  }

  private static PipelinePlan plan(String tenant, int parallelism) {
    return new PipelinePlanner(d -> {
      throw new ModelException("no models here");
    }).plan(SpecLoader.parse(spec(tenant, parallelism), Path.of(".")));
  }

  private static PipelineRunner start(PipelinePlan plan, SimpleMeterRegistry registry) {
    PipelineRunner runner = new PipelineRunner(plan, TestPulsar.client(), registry, Clock.systemUTC());
    runner.start(TestPulsar.admin());
    return runner;
  }

  private static void send(String topic, List<String> payloads, List<String> keys) throws Exception {
    // Key-based batching, as Pulsar requires of producers feeding a Key_Shared subscription.
    try (Producer<byte[]> producer = TestPulsar.client().newProducer(Schema.BYTES).topic(topic)
        .batcherBuilder(BatcherBuilder.KEY_BASED).create()) {
      for (int i = 0; i < payloads.size(); i++) {
        producer.newMessage().key(keys.get(i)).value(payloads.get(i).getBytes(StandardCharsets.UTF_8)).sendAsync();
      }
      producer.flush();
    }
  }

  @Test
  void shouldPutEveryEventInTheOutputOrTheDeadLetterTopicWithItsReason(TestInfo info) throws Exception {
    String tenant = TestPulsar.tenant(info.getDisplayName());
    List<String> payloads = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      payloads.add("{\"deviceId\": \"d" + (i % 4) + "\", \"temp\": " + (i % 2 == 0 ? "37" : "37.4")
          + ", \"seq\": " + i + ", \"site\": \"lab\"}");
      keys.add("d" + (i % 4));
    }
    Map<String, String> bad = Map.of(
        "{\"deviceId\": \"d1\", \"temp\": 4", "malformed-json",
        "{\"deviceId\": \"d1\", \"seq\": 1}", "missing-field",
        "{\"deviceId\": \"d1\", \"temp\": \"hot\", \"seq\": 1}", "wrong-type",
        "{\"deviceId\": \"d1\", \"temp\": NaN, \"seq\": 1}", "not-finite",
        "{\"deviceId\": \"d1\", \"temp\": 30, \"delta\": 0, \"seq\": 1}", "formula-error",
        "[1, 2]", "not-an-object",
        "{\"deviceId\": \"d1\", \"temp\": 30, \"seq\": 1, \"pad\": \"" + "x".repeat(3000) + "\"}", "oversized");
    bad.keySet().forEach(p -> {
      payloads.add(p);
      keys.add("d1");
    });
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (PipelinePlan plan = plan(tenant, 1); PipelineRunner runner = start(plan, registry)) {
      send(plan.spec().source().topic(), payloads, keys);
      List<Message<byte[]>> out = TopicReader.read(plan.finalTopic(), 400, Duration.ofSeconds(30));
      List<Message<byte[]>> dead = TopicReader.read(plan.stages().get(0).deadLetterTopic(), bad.size(),
          Duration.ofSeconds(30));
      assertThat(out).hasSize(400);
      assertThat(dead).hasSize(bad.size());
      Map<String, String> reasons = new HashMap<>();
      dead.forEach(m -> reasons.put(new String(m.getValue(), StandardCharsets.UTF_8), m.getProperty(Properties.REASON)));
      assertThat(reasons).isEqualTo(bad);
      assertThat(dead).allSatisfy(m -> assertThat(m.getProperty(Properties.STAGE)).isEqualTo("transform"));
      Map<Long, JsonNode> bySeq = new HashMap<>();
      for (Message<byte[]> m : out) {
        JsonNode event = EventCodec.mapper().readTree(m.getValue());
        bySeq.put(event.get("seq").asLong(), event);
      }
      JsonNode first = bySeq.get(0L);
      assertThat(first.get("temp_scaled").asDouble()).as("temp sent as the integer 37")
          .isEqualTo(1.7, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(first.get("site").asText()).as("unknown fields are kept").isEqualTo("lab");
      JsonNode second = bySeq.get(1L);
      assertThat(second.get("temp_scaled").asDouble()).isEqualTo(1.74, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(second.get("alert").asBoolean()).isTrue();
      var metrics = runner.metrics().get("transform");
      assertThat(metrics.inCount()).isEqualTo(payloads.size());
      assertThat(metrics.outCount() + metrics.deadLetterCount()).isEqualTo(metrics.inCount());
    }
  }

  @Test
  void shouldRegisterJsonSchemasForSourceAndOutputTopics(TestInfo info) throws Exception {
    String tenant = TestPulsar.tenant(info.getDisplayName());
    try (PipelinePlan plan = plan(tenant, 1); PipelineRunner runner = start(plan, new SimpleMeterRegistry())) {
      SchemaInfo source = TestPulsar.admin().schemas().getSchemaInfo(plan.spec().source().topic());
      SchemaInfo output = TestPulsar.admin().schemas().getSchemaInfo(plan.finalTopic());
      assertThat(source.getType()).isEqualTo(SchemaType.JSON);
      assertThat(output.getType()).isEqualTo(SchemaType.JSON);
      assertThat(output.getSchemaDefinition()).contains("\"temp_scaled\"", "\"alert\"", "\"deviceId\"");
    }
  }

  @Test
  void shouldKeepPerKeyOrderWithTwoInstancesOnKeySharedSubscription(TestInfo info) throws Exception {
    String tenant = TestPulsar.tenant(info.getDisplayName());
    List<String> payloads = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String key = "k" + (i % 16);
      payloads.add("{\"deviceId\": \"" + key + "\", \"temp\": 30, \"seq\": " + i + "}");
      keys.add(key);
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (PipelinePlan plan = plan(tenant, 2); PipelineRunner runner = start(plan, registry)) {
      send(plan.spec().source().topic(), payloads, keys);
      List<Message<byte[]>> out = TopicReader.read(plan.finalTopic(), 2000, Duration.ofSeconds(60));
      assertThat(out).hasSize(2000);
      assertThat(PerKey.violations(out)).isEmpty();
    }
  }

  @Test
  void shouldLoseNoEventWhenTheStageIsStoppedAndRestartedMidStream(TestInfo info) throws Exception {
    String tenant = TestPulsar.tenant(info.getDisplayName());
    int total = 3000;
    List<String> payloads = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      String key = "k" + (i % 8);
      payloads.add("{\"deviceId\": \"" + key + "\", \"temp\": 30, \"seq\": " + i + "}");
      keys.add(key);
    }
    try (PipelinePlan plan = plan(tenant, 1)) {
      PipelineRunner first = start(plan, new SimpleMeterRegistry());
      send(plan.spec().source().topic(), payloads.subList(0, total / 2), keys.subList(0, total / 2));
      first.stop(Duration.ofSeconds(10));
      Thread sender = new Thread(() -> {
        try {
          send(plan.spec().source().topic(), payloads.subList(total / 2, total), keys.subList(total / 2, total));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      sender.start();
      try (PipelineRunner second = start(plan, new SimpleMeterRegistry())) {
        sender.join();
        List<Message<byte[]>> out = TopicReader.readAtLeast(plan.finalTopic(), total, Duration.ofSeconds(60));
        assertThat(PerKey.sequences(out)).as("every event arrives at least once").hasSize(total);
        assertThat(PerKey.violations(out)).as("per-key order holds, apart from redelivered duplicates").isEmpty();
      }
    }
  }
}
