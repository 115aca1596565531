package dev.gyre.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroRecordSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schema(String topic, FieldSpec... fields) throws IOException {
    return JSON.readTree(AvroRecordSchema.of(topic, List.of(fields)));
  }

  @Test
  void shouldWriteRecordNamedAfterTopic() throws IOException {
    JsonNode schema = schema("sensor-input", new FieldSpec("temp", FieldType.DOUBLE, true));

    assertThat(schema.get("type").textValue()).isEqualTo("record");
    assertThat(schema.get("name").textValue()).isEqualTo("SensorInput");
    assertThat(schema.get("namespace").textValue()).isEqualTo("dev.gyre.events");
  }

  @Test
  void shouldDeclareRequiredFieldWithPlainTypeAndNoDefault() throws IOException {
    JsonNode field = schema("sensor-input", new FieldSpec("temp", FieldType.DOUBLE, true)).get("fields").get(0);

    assertThat(field.get("name").textValue()).isEqualTo("temp");
    assertThat(field.get("type").textValue()).isEqualTo("double");
    assertThat(field.has("default")).isFalse();
  }

  @Test
  void shouldDeclareOptionalFieldAsNullUnionWithNullDefault() throws IOException {
    JsonNode field = schema("sensor-input", new FieldSpec("site", FieldType.STRING, false)).get("fields").get(0);

    assertThat(field.get("type").toString()).isEqualTo("[\"null\",\"string\"]");
    assertThat(field.has("default")).isTrue();
    assertThat(field.get("default").isNull()).isTrue();
  }

  @Test
  void shouldKeepFieldsInDeclaredOrderWithTheirAvroTypes() throws IOException {
    JsonNode fields = schema("sensor-input",
        new FieldSpec("deviceId", FieldType.STRING, true),
        new FieldSpec("count", FieldType.INT, true),
        new FieldSpec("ts", FieldType.LONG, true),
        new FieldSpec("ratio", FieldType.FLOAT, true),
        new FieldSpec("temp", FieldType.DOUBLE, true),
        new FieldSpec("alert", FieldType.BOOLEAN, false)).get("fields");

    assertThat(fields.findValuesAsText("name")).containsExactly("deviceId", "count", "ts", "ratio", "temp", "alert");
    assertThat(fields).extracting(f -> f.get("type").toString()).containsExactly(
        "\"string\"", "\"int\"", "\"long\"", "\"float\"", "\"double\"", "[\"null\",\"boolean\"]");
  }

  @ParameterizedTest
  @CsvSource({
      "sensor-input, SensorInput",
      "sensor_input.v2, SensorInputV2",
      "predictions, Predictions",
      "9-lives, T9Lives",
      "2024, T2024",
      "-dlq, Dlq"})
  void shouldDeriveValidAvroRecordNameFromTopic(String topic, String name) {
    assertThat(AvroRecordSchema.recordName(topic)).isEqualTo(name).matches("[A-Za-z_][A-Za-z0-9_]*");
  }
}
