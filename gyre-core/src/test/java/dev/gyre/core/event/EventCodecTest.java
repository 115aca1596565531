package dev.gyre.core.event;

import static dev.gyre.core.Json.bytes;
import static dev.gyre.core.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {
  private final EventCodec codec = new EventCodec(1024);
  private final EventSchema tempSchema = new EventSchema(List.of(new FieldSpec("temp", FieldType.DOUBLE, true)));

  private static Rejection rejection(EventCodec codec, String payload) {
    Rejection rejection = catchThrowableOfType(Rejection.class, () -> codec.decode(bytes(payload)));
    assertThat(rejection).as("rejection of %s", payload).isNotNull();
    return rejection;
  }

  /** A JSON object of exactly {@code size} bytes. */
  private static String objectOfSize(int size) {
    return "{\"s\":\"" + "x".repeat(size - 8) + "\"}";
  }

  @Test
  void shouldRejectOversizedPayloadNamingBothSizes() {
    Rejection rejection = rejection(new EventCodec(16), objectOfSize(17));

    assertThat(rejection.reason()).isEqualTo("oversized");
    assertThat(rejection.getMessage()).contains("17 bytes").contains("maxMessageBytes 16");
  }

  @Test
  void shouldAcceptPayloadOfExactlyMaxBytes() {
    assertThat(new EventCodec(16).decode(bytes(objectOfSize(16))).get("s").textValue()).hasSize(8);
  }

  @Test
  void shouldRejectMalformedJson() {
    Rejection rejection = rejection(codec, "{\"deviceId\": \"d-1\", \"temp\": 37.4");

    assertThat(rejection.reason()).isEqualTo("malformed-json");
    assertThat(rejection.getMessage()).startsWith("the payload is not valid JSON: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void shouldRejectEmptyPayload(String payload) {
    Rejection rejection = rejection(codec, payload);

    assertThat(rejection.reason()).isEqualTo("malformed-json");
    assertThat(rejection.getMessage()).isEqualTo("the payload is empty");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[{\"temp\": 37.4}] | array",
      "42                | number",
      "\"temp\"          | string",
      "true              | boolean",
      "null              | null"})
  void shouldRejectJsonThatIsNotAnObject(String payload, String kind) {
    Rejection rejection = rejection(codec, payload);

    assertThat(rejection.reason()).isEqualTo("not-an-object");
    assertThat(rejection.getMessage()).isEqualTo("the payload is a JSON " + kind + ", not an object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"temp\": 1} {\"temp\": 2}", "{\"temp\": 1}{\"temp\": 2}", "{\"temp\": 1} x"})
  void shouldRejectTrailingSecondValue(String payload) {
    assertThat(rejection(codec, payload).reason()).isEqualTo("malformed-json");
  }

  @Test
  void shouldRejectDuplicateKeysNamingTheKey() {
    Rejection rejection = rejection(codec, "{\"temp\": 37.4, \"ts\": 1, \"temp\": 12.0}");

    assertThat(rejection.reason()).isEqualTo("malformed-json");
    assertThat(rejection.getMessage()).contains("'temp'");
  }

  @Test
  void shouldRejectNestingDeeperThanTheLimit() {
    String deep = "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}";

    assertThat(rejection(codec, deep).reason()).isEqualTo("malformed-json");
  }

  @Test
  void shouldReadNaNSoTheSchemaRejectsItNamingTheField() {
    ObjectNode event = codec.decode(bytes("{\"temp\": NaN}"));

    Rejection rejection = catchThrowableOfType(Rejection.class, () -> tempSchema.check(event));
    assertThat(rejection).isNotNull();
    assertThat(rejection.reason()).isEqualTo("not-finite");
    assertThat(rejection.getMessage()).contains("'temp'").contains("NaN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999", "-1e999", "Infinity", "-Infinity"})
  void shouldReadOverflowingNumbersSoTheSchemaRejectsThemAsNotFinite(String number) {
    ObjectNode event = codec.decode(bytes("{\"temp\": " + number + "}"));

    Rejection rejection = catchThrowableOfType(Rejection.class, () -> tempSchema.check(event));
    assertThat(rejection).isNotNull();
    assertThat(rejection.reason()).isEqualTo("not-finite");
    assertThat(rejection.getMessage()).contains("'temp'");
  }

  @Test
  void shouldKeepUndeclaredFieldsOnRoundTrip() {
    String payload = "{\"temp\":37.4,\"firmware\":{\"v\":[1,2,\"rc1\"],\"ok\":true},\"note\":null,\"site\":\"roof\"}";

    byte[] encoded = codec.encode(codec.decode(bytes(payload)));

    assertThat(text(encoded)).isEqualTo(payload);
  }

  @Test
  void shouldKeepNumbersAsWrittenOnRoundTrip() {
    String payload = "{\"ts\":1700000000,\"seq\":9007199254740993,\"temp\":37.0,\"small\":0.1}";

    ObjectNode event = codec.decode(bytes(payload));

    assertThat(event.get("ts").isIntegralNumber()).isTrue();
    assertThat(event.get("temp").isIntegralNumber()).isFalse();
    assertThat(text(codec.encode(event))).isEqualTo(payload);
  }
}
