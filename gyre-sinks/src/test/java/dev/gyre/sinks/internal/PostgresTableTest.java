package dev.gyre.sinks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.Rejection;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresTableTest {
  private static final List<FieldSpec> FIELDS = List.of(
      new FieldSpec("deviceId", FieldType.STRING, true),
      new FieldSpec("ts", FieldType.LONG, true),
      new FieldSpec("probability", FieldType.DOUBLE, true),
      new FieldSpec("alert", FieldType.BOOLEAN, true),
      new FieldSpec("site", FieldType.STRING, false));
  private static final PostgresTable TABLE = new PostgresTable("analytics.preds", FIELDS);

  private static ObjectNode event(String json) {
    return new EventCodec(1 << 20).decode(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldCreateTableWithEventIdKeyTypedColumnsAndReceivedAt() {
    assertThat(TABLE.createSql()).isEqualTo("CREATE TABLE IF NOT EXISTS \"analytics\".\"preds\" (event_id text "
        + "PRIMARY KEY, \"deviceId\" text, \"ts\" bigint, \"probability\" double precision, \"alert\" boolean, "
        + "\"site\" text, received_at timestamptz NOT NULL DEFAULT now())");
  }

  @Test
  void shouldUpsertByEventIdKeepingTheFirstReceivedAt() {
    assertThat(new PostgresTable("preds", FIELDS.subList(0, 2)).upsertSql()).isEqualTo(
        "INSERT INTO \"preds\" (event_id, \"deviceId\", \"ts\", received_at) VALUES (?, ?, ?, now()) "
            + "ON CONFLICT (event_id) DO UPDATE SET \"deviceId\" = EXCLUDED.\"deviceId\", \"ts\" = EXCLUDED.\"ts\"");
  }

  @Test
  void shouldTypeValuesForTheirColumnsAndLeaveAbsentOnesNull() {
    assertThat(TABLE.values(event("{\"deviceId\": \"d1\", \"ts\": 1689912010, \"probability\": 0.25, "
        + "\"alert\": true, \"extra\": 1}"))).containsExactly("d1", 1689912010L, 0.25, true, null);
    assertThat(TABLE.values(event("{\"deviceId\": \"d1\", \"ts\": 3.0, \"probability\": 1, \"alert\": false, "
        + "\"site\": null}"))).containsExactly("d1", 3L, 1.0, false, null);
  }

  @Test
  void shouldRejectValuesThatDoNotFitTheirColumns() {
    assertThatThrownBy(() -> TABLE.values(event("{\"deviceId\": 7}"))).isInstanceOf(Rejection.class)
        .hasMessage("the field 'deviceId' should be a string but is 7")
        .extracting(e -> ((Rejection) e).reason()).isEqualTo(Rejection.WRONG_TYPE);
    assertThatThrownBy(() -> TABLE.values(event("{\"ts\": 1.5}")))
        .hasMessage("the field 'ts' should be a whole number that fits in a bigint but is 1.5");
    assertThatThrownBy(() -> TABLE.values(event("{\"probability\": NaN}")))
        .hasMessage("the field 'probability' should be a finite number but is \"NaN\"");
    assertThatThrownBy(() -> TABLE.values(event("{\"alert\": \"yes\"}")))
        .hasMessage("the field 'alert' should be a boolean but is \"yes\"");
    assertThatThrownBy(() -> TABLE.values(event("{\"site\": \"a\\u0000b\"}")))
        .hasMessage("the field 'site' holds a NUL character, which PostgreSQL text cannot store");
  }

  @Test
  void shouldAcceptAMatchingTableAndNameEveryWrongColumn() {
    Map<String, PostgresTable.ExistingColumn> columns = new LinkedHashMap<>();
    columns.put("event_id", new PostgresTable.ExistingColumn("text", true, false));
    columns.put("deviceId", new PostgresTable.ExistingColumn("character varying", false, false));
    columns.put("ts", new PostgresTable.ExistingColumn("numeric", false, false));
    columns.put("probability", new PostgresTable.ExistingColumn("double precision", false, false));
    columns.put("alert", new PostgresTable.ExistingColumn("boolean", false, false));
    columns.put("site", new PostgresTable.ExistingColumn("text", false, false));
    columns.put("received_at", new PostgresTable.ExistingColumn("timestamp with time zone", true, true));
    columns.put("note", new PostgresTable.ExistingColumn("text", false, false));
    assertThat(TABLE.problems(columns, true)).isEmpty();

    columns.put("alert", new PostgresTable.ExistingColumn("integer", false, false));
    columns.remove("site");
    columns.put("owner", new PostgresTable.ExistingColumn("text", true, false));
    assertThat(TABLE.problems(columns, false)).containsExactly(
        "column alert has the type integer but the sink writes boolean (accepted: boolean)",
        "column site is missing; add it: ALTER TABLE ... ADD COLUMN \"site\" text",
        "column event_id is not the primary key (nor alone in a unique index), so rows cannot be upserted by it; "
            + "make it the primary key",
        "column owner is NOT NULL without a default, and the sink does not write it; drop NOT NULL or give it a "
            + "default");
  }
}
