package dev.gyre.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.pulsar.PipelineRunner;
import dev.gyre.pulsar.Properties;
import dev.gyre.pulsar.TestPulsar;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** A PostgreSQL sink on a real broker and the real server: one row per prediction, also after redelivery. */
class PostgresSinkIT {
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private final String table = "gyre_it_" + Long.toHexString(System.nanoTime());

  static Connection db() throws Exception {
    return DriverManager.getConnection(URL, "postgres", null);
  }

  @AfterEach
  void dropTable() throws Exception {
    try (Connection c = db(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void shouldWriteEveryPredictionOnceAndNoDuplicateAfterRedelivery(TestInfo info) throws Exception {
    String tenant = TestPulsar.tenant(info.getTestMethod().orElseThrow().getName());
    String yaml = ItPipelines.spec(tenant, """
        sinks:
          - name: db
            type: postgres
            url: %s
            user: ${GYRE_IT_PG_USER}
            table: %s
            batchSize: 50
        """.formatted(URL, table));
    int total = 300;
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      payloads.add("{\"deviceId\": \"d" + (i % 4) + "\", \"temp\": " + (30 + i % 10) + ".5, \"seq\": " + i + "}");
    }
    payloads.add("{\"deviceId\": \"d1\", \"temp\": \"hot\", \"seq\": 1}"); // dead-lettered by transform
    // GYRE_IT_PG_USER is set by the failsafe configuration: the user comes from the environment.
    try (PipelinePlan plan = ItPipelines.plan(yaml)) {
      String predictions = plan.finalTopic();
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      try (PipelineRunner runner = ItPipelines.start(plan, metrics)) {
        ItPipelines.send(plan.spec().source().topic(), payloads);
        ItPipelines.send(predictions, List.of("not json", "{\"deviceId\": 5, \"seq\": 1}"));
        ItPipelines.await(Duration.ofSeconds(60), () -> written(metrics) >= total);
        List<Message<byte[]>> sinkDeadLetters = ItPipelines.read(predictions + "-db-dlq", 2, Duration.ofSeconds(30));
        assertThat(sinkDeadLetters).extracting(m -> m.getProperty(Properties.REASON))
            .containsExactlyInAnyOrder("malformed-json", "wrong-type");
        assertThat(sinkDeadLetters).allSatisfy(m -> assertThat(m.getProperty(Properties.SINK)).isEqualTo("db"));
      }
      List<Message<byte[]>> out = ItPipelines.read(predictions, total + 2, Duration.ofSeconds(30));
      Map<String, JsonNode> byEventId = new HashMap<>();
      for (Message<byte[]> m : out) {
        if (m.getProperty(Properties.EVENT_ID) != null) {
          byEventId.put(m.getProperty(Properties.EVENT_ID), EventCodec.mapper().readTree(m.getValue()));
        }
      }
      assertThat(byEventId).hasSize(total);
      assertRowsMatch(byEventId);

      // Redeliver everything: the sink's subscription starts again from the first prediction.
      TestPulsar.admin().topics().resetCursor(predictions, "gyre-it-db", MessageId.earliest);
      SimpleMeterRegistry again = new SimpleMeterRegistry();
      try (PipelineRunner runner = ItPipelines.start(plan, again)) {
        ItPipelines.await(Duration.ofSeconds(60), () -> written(again) >= total);
        assertThat(written(again)).isEqualTo(total);
      }
      assertRowsMatch(byEventId);
    }
  }

  private static long written(SimpleMeterRegistry metrics) {
    var counter = metrics.find("gyre.sink.events").tag("outcome", "written").counter();
    return counter == null ? 0 : (long) counter.count();
  }

  private void assertRowsMatch(Map<String, JsonNode> byEventId) throws Exception {
    assertThat(count("SELECT count(*) FROM " + table)).isEqualTo(byEventId.size());
    assertThat(count("SELECT count(DISTINCT event_id) FROM " + table)).isEqualTo(byEventId.size());
    try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT event_id, \"deviceId\", temp, seq, temp_scaled, alert, prediction, probability, model, "
            + "model_version, received_at FROM " + table)) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        JsonNode expected = byEventId.get(rs.getString("event_id"));
        assertThat(expected).as("row %s is a prediction", rs.getString("event_id")).isNotNull();
        assertThat(rs.getString("deviceId")).isEqualTo(expected.get("deviceId").asText());
        assertThat(rs.getDouble("temp")).isEqualTo(expected.get("temp").asDouble());
        assertThat(rs.getLong("seq")).isEqualTo(expected.get("seq").asLong());
        assertThat(rs.getDouble("temp_scaled")).isEqualTo(expected.get("temp_scaled").asDouble());
        assertThat(rs.getBoolean("alert")).isEqualTo(expected.get("alert").asBoolean());
        assertThat(rs.getString("prediction")).isEqualTo(expected.get("prediction").asText());
        assertThat(rs.getDouble("probability")).isEqualTo(expected.get("probability").asDouble());
        assertThat(rs.getString("model")).isEqualTo("warming");
        assertThat(rs.getString("model_version")).isEqualTo("1");
        assertThat(rs.getTimestamp("received_at")).isNotNull();
      }
      assertThat(rows).isEqualTo(byEventId.size());
    }
  }
}
