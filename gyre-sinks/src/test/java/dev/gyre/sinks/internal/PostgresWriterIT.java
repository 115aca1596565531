package dev.gyre.sinks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.StageException;
import dev.gyre.core.event.EventCodec;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import dev.gyre.spec.PostgresSinkSpec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDBC writer against the real PostgreSQL (database {@code test}), without a broker. */
class PostgresWriterIT {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final List<FieldSpec> FIELDS = List.of(new FieldSpec("deviceId", FieldType.STRING, true),
      new FieldSpec("probability", FieldType.DOUBLE, true));
  private final String table = "gyre_writer_it_" + Long.toHexString(System.nanoTime());

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @AfterEach
  void drop() throws Exception {
    sql("DROP TABLE IF EXISTS " + table);
  }

  private PostgresWriter writer(String url, boolean create) {
    PostgresSinkSpec spec = new PostgresSinkSpec("db", "persistent://t/n/out", url, "${PGUSER_IT}", null, table, 10,
        create);
    return new PostgresWriter(spec, new PostgresTable(table, FIELDS), Map.of("PGUSER_IT", "postgres")::get);
  }

  private static SinkEvent event(String id, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return new SinkEvent(id, new EventCodec(1 << 20).decode(body), body);
  }

  @Test
  void shouldRejectOnlyTheRowsTheServerRefusesAndKeepOneRowPerEventId() throws Exception {
    sql("CREATE TABLE " + table + " (event_id text PRIMARY KEY, \"deviceId\" text, probability double precision "
        + "CHECK (probability <= 1), received_at timestamptz NOT NULL DEFAULT now())");
    try (PostgresWriter writer = writer(URL, false)) {
      writer.open();
      SinkWriter.Result result = writer.write(List.of(event("a", "{\"deviceId\": \"d1\", \"probability\": 0.5}"),
          event("b", "{\"deviceId\": \"d2\", \"probability\": 7}"),
          event("c", "{\"deviceId\": 3}"),
          event("a", "{\"deviceId\": \"d1\", \"probability\": 0.75}")));
      assertThat(result.rejected()).extracting(SinkWriter.Rejected::reason)
          .containsExactly("wrong-type", "rejected-by-database");
      assertThat(result.rejected().get(1).event().eventId()).isEqualTo("b");
      assertThat(result.rejected().get(1).detail()).contains("check constraint");
      writer.write(List.of(event("a", "{\"deviceId\": \"d1\", \"probability\": 0.75}")));
    }
    try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_id, \"deviceId\", probability FROM " + table)) {
      assertThat(rs.next()).isTrue();
      assertThat(List.of(rs.getString(1), rs.getString(2), rs.getDouble(3))).containsExactly("a", "d1", 0.75);
      assertThat(rs.next()).as("one row only").isFalse();
    }
  }

  @Test
  void shouldRefuseToStartOnATableThatDoesNotFitNamingTableAndColumns() throws Exception {
    sql("CREATE TABLE " + table + " (event_id text, \"deviceId\" integer)");
    assertThatThrownBy(() -> writer(URL, true).open()).isInstanceOf(StageException.class)
        .hasMessage("sink 'db': table \"" + table + "\" does not fit the sink: column deviceId has the type integer "
            + "but the sink writes text (accepted: text, character varying); column probability is missing; add "
            + "it: ALTER TABLE ... ADD COLUMN \"probability\" double precision; column received_at is missing; add "
            + "it: ALTER TABLE ... ADD COLUMN \"received_at\" timestamptz; column event_id is not the primary key "
            + "(nor alone in a unique index), so rows cannot be upserted by it; make it the primary key");
    sql("DROP TABLE " + table);
    assertThatThrownBy(() -> writer(URL, false).open()).isInstanceOf(StageException.class)
        .hasMessage("sink 'db': table \"" + table + "\" does not exist (or this user cannot see it); create it, or "
            + "set createTable: true");
  }

  @Test
  void shouldAskForARetryWhenTheServerIsUnreachable() throws Exception {
    try (PostgresWriter writer = writer(URL, true)) {
      writer.open();
      sql("DROP TABLE " + table);
      assertThatThrownBy(() -> writer.write(List.of(event("a", "{\"deviceId\": \"d1\", \"probability\": 0.5}"))))
          .isInstanceOf(SinkWriter.RetryLater.class).hasMessageContaining("does not exist");
    }
    assertThatThrownBy(() -> writer("jdbc:postgresql://127.0.0.1:1/test", true).open())
        .isInstanceOf(StageException.class).hasMessageContaining("cannot use table")
        .satisfies(e -> assertThat(((StageException) e).retriable()).isTrue());
  }
}
