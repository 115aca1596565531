package dev.gyre.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.api.ModelException;
import dev.gyre.core.enrich.ReferenceTable;
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
import java.util.List;
import java.util.function.Predicate;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Enrichment on a real broker: rows written to the compacted table topic before the pipeline starts
 * are there for the first event; an update applies to events sent once the stage's table view saw it;
 * a deleted row (a tombstone) makes the missing policy apply.
 */
class EnrichmentIT {

  private static PipelinePlan plan(String tenant) {
    String yaml = """
        name: enrich
        key: deviceId
        source:
          topic: persistent://%1$s/raw/readings
          schema:
            fields: {deviceId: string, temp: double, seq: long}
        stages:
          - name: join
            type: features
            output: persistent://%1$s/features/joined
            enrich:
              - table: persistent://%1$s/reference/devices
                key: deviceId
                fields: {site: string, threshold: double}
                defaults: {threshold: 30.0}
            features:
              - hot = temp > threshold
        """.formatted(tenant);
    return new PipelinePlanner(d -> {
      throw new ModelException("no models here");
    }).plan(SpecLoader.parse(yaml, Path.of(".")));
  }

  @Test
  void shouldJoinRowsLoadedAtStartThenFollowUpdatesAndDeletes(TestInfo info) throws Exception {
    String tenant = TestPulsar.tenant(info.getTestMethod().orElseThrow().getName());
    String table = "persistent://" + tenant + "/reference/devices";
    String joined = "persistent://" + tenant + "/features/joined";
    PipelinePlan plan = plan(tenant);
    new TopicProvisioner(TestPulsar.admin()).provision(plan.topics());
    try (Producer<byte[]> rows = TestPulsar.client().newProducer(Schema.BYTES).topic(table).create();
        Producer<byte[]> events = TestPulsar.client().newProducer(Schema.BYTES)
            .topic("persistent://" + tenant + "/raw/readings").enableBatching(false).create()) {
      row(rows, "d1", "{\"site\": \"north\", \"threshold\": 35.5}");
      row(rows, "d2", "{\"site\": \"south\"}");
      row(rows, "d3", "{\"site\": \"east\", \"threshold\": 25}");
      try (PipelineRunner runner = new PipelineRunner(plan, TestPulsar.client(), new SimpleMeterRegistry(),
          Clock.systemUTC())) {
        runner.start(TestPulsar.admin());
        ReferenceTable live = plan.referenceTables().table(table);
        event(events, "d1", 36, 1);
        event(events, "d2", 31, 2);
        event(events, "d9", 40, 3);
        // Tables and events are separate topics with no order between them: the update below could
        // reach the view before the stage reads the events above, so wait until they are out.
        assertThat(TopicReader.read(joined, 2, Duration.ofSeconds(30))).hasSize(2);

        row(rows, "d1", "{\"site\": \"north\", \"threshold\": 40}");
        await(live, "d1", row -> row != null && row.get("threshold").asDouble() == 40.0);
        event(events, "d1", 36, 4);
        rows.newMessage().key("d3").value(null).send();
        await(live, "d3", row -> row == null);
        event(events, "d3", 36, 5);

        List<String> out = texts(TopicReader.read(joined, 3,
            Duration.ofSeconds(30)));
        List<Message<byte[]>> dead = TopicReader.read(joined + "-dlq", 2,
            Duration.ofSeconds(30));

        assertThat(out).containsExactly(
            "{\"deviceId\":\"d1\",\"temp\":36,\"seq\":1,\"site\":\"north\",\"threshold\":35.5,\"hot\":true}",
            "{\"deviceId\":\"d2\",\"temp\":31,\"seq\":2,\"site\":\"south\",\"threshold\":30.0,\"hot\":true}",
            "{\"deviceId\":\"d1\",\"temp\":36,\"seq\":4,\"site\":\"north\",\"threshold\":40.0,\"hot\":false}");
        assertThat(dead).extracting(m -> m.getProperty(Properties.REASON) + " " + m.getProperty(Properties.DETAIL))
            .containsExactly(
                "missing-reference there is no row for deviceId 'd9' in " + table + " (missing: dead-letter)",
                "missing-reference there is no row for deviceId 'd3' in " + table + " (missing: dead-letter)");
        assertThat(runner.failure()).isEmpty();
      }
    }
  }

  private static void row(Producer<byte[]> rows, String key, String json) throws Exception {
    rows.newMessage().key(key).value(json.getBytes(StandardCharsets.UTF_8)).send();
  }

  private static void event(Producer<byte[]> events, String device, int temp, int seq) throws Exception {
    String json = "{\"deviceId\": \"%s\", \"temp\": %d, \"seq\": %d}".formatted(device, temp, seq);
    events.newMessage().key(device).value(json.getBytes(StandardCharsets.UTF_8)).send();
  }

  /** Waits until the stage's own view of the table shows the row as {@code seen} wants. */
  private static void await(ReferenceTable live, String key, Predicate<JsonNode> seen) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!seen.test(live.get(key))) {
      assertThat(System.nanoTime()).as("the table view did not see the change of " + key).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static List<String> texts(List<Message<byte[]>> messages) throws Exception {
    List<String> texts = new ArrayList<>();
    for (Message<byte[]> m : messages) {
      texts.add(EventCodec.mapper().readTree(m.getValue()).toString());
    }
    return texts;
  }
}
