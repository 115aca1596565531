package dev.gyre.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.Json;
import dev.gyre.core.event.Rejection;
import dev.gyre.spec.EnrichSpec;
import dev.gyre.spec.EnrichSpec.OnMissing;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One enrich entry on its own: hits, misses under both policies, bad rows, prefixes, keys. */
class ReferenceJoinTest {
  private static final String TABLE = "persistent://ml/reference/devices";
  private static final List<FieldSpec> FIELDS = List.of(new FieldSpec("site", FieldType.STRING, true),
      new FieldSpec("floor", FieldType.LONG, true), new FieldSpec("threshold", FieldType.DOUBLE, true));
  private final InMemoryReferenceTable table = new InMemoryReferenceTable()
      .put("d1", "{\"site\": \"north\", \"floor\": 3, \"threshold\": 31.5, \"other\": true}")
      .put("d2", "{\"site\": \"south\", \"floor\": \"3rd\", \"threshold\": 28}")
      .put("d3", "[\"north\", 3]");

  private static ReferenceJoin join(ReferenceTable table, String prefix, OnMissing missing,
      Map<String, Object> defaults) {
    return new ReferenceJoin(new EnrichSpec(TABLE, "deviceId", FIELDS, prefix, missing, defaults), table);
  }

  private static String enriched(ReferenceJoin join, String event) {
    ObjectNode node = Json.object(Json.bytes(event));
    join.apply(node);
    return node.toString();
  }

  private static String rejected(ReferenceJoin join, String event) {
    Rejection r = catchThrowableOfType(Rejection.class, () -> join.apply(Json.object(Json.bytes(event))));
    assertThat(r).as("expected a rejection of " + event).isNotNull();
    return r.reason() + ": " + r.getMessage();
  }

  @Test
  void shouldAddTheRowsDeclaredFieldsTyped() {
    assertThat(enriched(join(table, "", OnMissing.DEAD_LETTER, Map.of()), "{\"deviceId\": \"d1\", \"temp\": 30}"))
        .isEqualTo("{\"deviceId\":\"d1\",\"temp\":30,\"site\":\"north\",\"floor\":3,\"threshold\":31.5}");
  }

  @Test
  void shouldPrefixTheAddedNames() {
    assertThat(enriched(join(table, "dev_", OnMissing.DEAD_LETTER, Map.of()), "{\"deviceId\": \"d1\"}"))
        .isEqualTo("{\"deviceId\":\"d1\",\"dev_site\":\"north\",\"dev_floor\":3,\"dev_threshold\":31.5}");
  }

  @Test
  void shouldDeadLetterAMissingRowWhateverTheDefaults() {
    assertThat(rejected(join(table, "", OnMissing.DEAD_LETTER, Map.of("site", "unknown")), "{\"deviceId\": \"d9\"}"))
        .isEqualTo("missing-reference: there is no row for deviceId 'd9' in " + TABLE + " (missing: dead-letter)");
    assertThat(rejected(join(table, "", OnMissing.DEAD_LETTER, Map.of()), "{\"temp\": 1}"))
        .isEqualTo("missing-reference: the event has no deviceId to look up in " + TABLE + " (missing: dead-letter)");
  }

  @Test
  void shouldGiveAMissingRowTheDefaultsAndDeadLetterWhenAFieldHasNone() {
    Map<String, Object> all = Map.of("site", "unknown", "floor", 0L, "threshold", 30.0);
    assertThat(enriched(join(table, "", OnMissing.DEFAULTS, all), "{\"deviceId\": \"d9\"}"))
        .isEqualTo("{\"deviceId\":\"d9\",\"site\":\"unknown\",\"floor\":0,\"threshold\":30.0}");
    assertThat(rejected(join(table, "", OnMissing.DEFAULTS, Map.of("site", "unknown")), "{\"deviceId\": \"d9\"}"))
        .isEqualTo("missing-reference: there is no row for deviceId 'd9' in " + TABLE + ", and 'floor' has no default");
  }

  @Test
  void shouldTreatAWrongTypeInARowAsMissing() {
    assertThat(rejected(join(table, "", OnMissing.DEAD_LETTER, Map.of()), "{\"deviceId\": \"d2\"}"))
        .isEqualTo("missing-reference: the row for deviceId 'd2' in " + TABLE + ": the field 'floor' should be a "
            + "long but is \"3rd\", and 'floor' has no default");
    assertThat(enriched(join(table, "", OnMissing.DEAD_LETTER, Map.of("floor", -1L)), "{\"deviceId\": \"d2\"}"))
        .isEqualTo("{\"deviceId\":\"d2\",\"site\":\"south\",\"floor\":-1,\"threshold\":28.0}");
  }

  @Test
  void shouldTreatARowThatIsNotAnObjectOrNotJsonAsMissing() {
    Map<String, byte[]> raw = new HashMap<>(Map.of("d4", "{\"site\": ".getBytes(StandardCharsets.UTF_8)));
    ReferenceJoin overBytes = join(new BytesReferenceTable(raw::get), "", OnMissing.DEAD_LETTER, Map.of());

    assertThat(rejected(join(table, "", OnMissing.DEAD_LETTER, Map.of()), "{\"deviceId\": \"d3\"}"))
        .isEqualTo("missing-reference: the row for deviceId 'd3' in " + TABLE + " is a JSON array, not an object "
            + "(missing: dead-letter)");
    assertThat(rejected(overBytes, "{\"deviceId\": \"d4\"}"))
        .isEqualTo("missing-reference: the row for deviceId 'd4' in " + TABLE + " is not JSON (missing: dead-letter)");
  }

  @Test
  void shouldSeeARowThatChangedAndOneThatWasDeleted() {
    Map<String, byte[]> raw = new HashMap<>();
    raw.put("d1", "{\"site\": \"a\", \"floor\": 1, \"threshold\": 1}".getBytes(StandardCharsets.UTF_8));
    ReferenceJoin overBytes = join(new BytesReferenceTable(raw::get), "", OnMissing.DEAD_LETTER, Map.of());
    String first = enriched(overBytes, "{\"deviceId\": \"d1\"}");
    raw.put("d1", "{\"site\": \"b\", \"floor\": 2, \"threshold\": 2}".getBytes(StandardCharsets.UTF_8));
    String second = enriched(overBytes, "{\"deviceId\": \"d1\"}");
    raw.put("d1", new byte[0]);

    assertThat(first).isEqualTo("{\"deviceId\":\"d1\",\"site\":\"a\",\"floor\":1,\"threshold\":1.0}");
    assertThat(second).isEqualTo("{\"deviceId\":\"d1\",\"site\":\"b\",\"floor\":2,\"threshold\":2.0}");
    assertThat(rejected(overBytes, "{\"deviceId\": \"d1\"}")).startsWith("missing-reference: there is no row");
  }

  @Test
  void shouldLookUpANumberKeyAsWholeNumberText() {
    InMemoryReferenceTable numbers = new InMemoryReferenceTable()
        .put("12", "{\"site\": \"x\", \"floor\": 1, \"threshold\": 2.5}");

    assertThat(enriched(join(numbers, "", OnMissing.DEAD_LETTER, Map.of()), "{\"deviceId\": 12.0}"))
        .isEqualTo("{\"deviceId\":12.0,\"site\":\"x\",\"floor\":1,\"threshold\":2.5}");
  }

  @Test
  void shouldRefuseToLookUpInATableNoRuntimeBound() {
    ReferenceTables tables = new ReferenceTables(List.of(TABLE));
    ReferenceJoin unbound = join(tables.table(TABLE), "", OnMissing.DEFAULTS, Map.of("site", "x"));

    assertThat(catchThrowableOfType(IllegalStateException.class, () -> unbound.apply(Json.object(Json.bytes(
        "{\"deviceId\": \"d1\"}"))))).hasMessageContaining("the reference table " + TABLE + " is not loaded");
    tables.bind(TABLE, table);
    assertThat(enriched(unbound, "{\"deviceId\": \"d1\"}")).contains("\"site\":\"north\"");
  }
}
