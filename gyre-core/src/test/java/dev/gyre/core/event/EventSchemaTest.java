package dev.gyre.core.event;

import static dev.gyre.core.Json.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventSchemaTest {
  private static final EventCodec CODEC = new EventCodec(1024);

  private final EventSchema sensor = new EventSchema(List.of(
      new FieldSpec("deviceId", FieldType.STRING, true),
      new FieldSpec("temp", FieldType.DOUBLE, true),
      new FieldSpec("site", FieldType.STRING, false)));

  private static ObjectNode event(String json) {
    return CODEC.decode(bytes(json));
  }

  private static Rejection rejection(EventSchema schema, String json) {
    ObjectNode event = event(json);
    Rejection rejection = catchThrowableOfType(Rejection.class, () -> schema.check(event));
    assertThat(rejection).as("rejection of %s", json).isNotNull();
    return rejection;
  }

  private static EventSchema single(FieldType type) {
    return new EventSchema(List.of(new FieldSpec("f", type, true)));
  }

  @Test
  void shouldDeadLetterEventWithMissingField() {
    Rejection rejection = rejection(sensor, "{\"deviceId\": \"d-1\"}");

    assertThat(rejection.reason()).isEqualTo("missing-field");
    assertThat(rejection.getMessage()).isEqualTo("the required field 'temp' is missing");
  }

  @Test
  void shouldDeadLetterEventWithNullRequiredField() {
    Rejection rejection = rejection(sensor, "{\"deviceId\": \"d-1\", \"temp\": null}");

    assertThat(rejection.reason()).isEqualTo("missing-field");
    assertThat(rejection.getMessage()).isEqualTo("the required field 'temp' is null");
  }

  @Test
  void shouldAcceptEventWithoutOptionalField() {
    assertThatCode(() -> sensor.check(event("{\"deviceId\": \"d-1\", \"temp\": 37.4}"))).doesNotThrowAnyException();
    assertThatCode(() -> sensor.check(event("{\"deviceId\": \"d-1\", \"temp\": 37.4, \"site\": null}")))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldCheckTypeOfOptionalFieldWhenPresent() {
    Rejection rejection = rejection(sensor, "{\"deviceId\": \"d-1\", \"temp\": 37.4, \"site\": 7}");

    assertThat(rejection.reason()).isEqualTo("wrong-type");
    assertThat(rejection.getMessage()).isEqualTo("the field 'site' should be a string but is 7");
  }

  @Test
  void shouldNameFirstDeclaredFieldThatDoesNotFit() {
    assertThat(rejection(sensor, "{\"site\": 7, \"temp\": \"hot\"}").getMessage())
        .isEqualTo("the required field 'deviceId' is missing");
  }

  @ParameterizedTest(name = "{1} for a {0}")
  @CsvSource(delimiter = '|', value = {
      "DOUBLE  | \"37.4\"",
      "FLOAT   | [37.4]",
      "LONG    | 37.5",
      "LONG    | 12345678901234567890",
      "INT     | 3e10",
      "INT     | 3000000000",
      "INT     | 1.5",
      "BOOLEAN | \"true\"",
      "BOOLEAN | 1",
      "STRING  | 42",
      "STRING  | {\"id\": 1}"})
  void shouldDeadLetterValueOfWrongType(FieldType type, String value) {
    Rejection rejection = rejection(single(type), "{\"f\": " + value + "}");

    assertThat(rejection.reason()).isEqualTo("wrong-type");
    assertThat(rejection.getMessage()).startsWith("the field 'f' should be a " + type.yamlName() + " but is ");
  }

  @ParameterizedTest(name = "{1} for a {0}")
  @CsvSource(delimiter = '|', value = {
      "LONG    | 37.0",
      "LONG    | 9223372036854775807",
      "LONG    | -9223372036854775808",
      "INT     | 2147483647",
      "INT     | -2147483648",
      "INT     | 1e3",
      "DOUBLE  | 37",
      "FLOAT   | 0.1",
      "BOOLEAN | false",
      "STRING  | \"\""})
  void shouldAcceptValueOfDeclaredType(FieldType type, String value) {
    assertThatCode(() -> single(type).check(event("{\"f\": " + value + "}"))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource({"1e19", "-1e19", "1e300"})
  void shouldDeadLetterLongWrittenAsDecimalBeyondLongRange(String value) {
    Rejection rejection = rejection(single(FieldType.LONG), "{\"f\": " + value + "}");

    assertThat(rejection.reason()).isEqualTo("wrong-type");
  }
}
