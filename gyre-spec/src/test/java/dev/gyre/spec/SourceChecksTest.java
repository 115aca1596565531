package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceChecksTest {

  private static String withFields(String fields) {
    return Specs.MINIMAL.replace("      x: double\n", fields);
  }

  @Test
  void shouldReadShortAndLongFieldForms() {
    PipelineSpec spec = Specs.parse(withFields("""
              a: string
              b: {type: int}
              c: {type: float, required: false}
              x: boolean
        """));

    assertThat(spec.source().schema().fields()).containsExactly(
        new FieldSpec("a", FieldType.STRING, true),
        new FieldSpec("b", FieldType.INT, true),
        new FieldSpec("c", FieldType.FLOAT, false),
        new FieldSpec("x", FieldType.BOOLEAN, true));
  }

  @Test
  void shouldRejectDuplicateFieldNames() {
    assertThat(Specs.problems(withFields("      x: double\n      x: long\n"))).containsExactly(
        "source.schema.fields.x (line 7): was 'x' but it is given twice, first on line 6; keep one");
  }

  @Test
  void shouldRejectFieldNamesFormulasCannotReferTo() {
    assertThat(Specs.problems(withFields("      x: double\n      device-id: string\n"))).containsExactly(
        "source.schema.fields.device-id (line 7): was 'device-id' but it is not a valid field name; use letters, "
            + "digits and '_', not starting with a digit, such as 'temp_scaled'");
  }

  @Test
  void shouldRejectUnknownFieldTypeAndLongFormWithoutType() {
    assertThat(Specs.problems(withFields("      x: str\n      y: {required: false}\n      z:\n"))).containsExactly(
        "source.schema.fields.x (line 6): was 'str' but it is not one of string, int, long, float, double, boolean; "
            + "did you mean 'string'?",
        "source.schema.fields.y.type (line 7): was missing but it is required; use one of string, int, long, "
            + "float, double, boolean",
        "source.schema.fields.z (line 8): was missing but it needs a type; write 'name: type', such as 'temp: double'");
  }

  @Test
  void shouldRejectEmptyFields() {
    assertThat(Specs.problems(withFields("      {}\n").replace("fields:\n      {}", "fields: {}"))).containsExactly(
        "source.schema.fields (line 5): was '{}' but it has no fields; declare at least one, such as 'temp: double'");
  }

  @Test
  void shouldReserveAvroAndRejectOtherFormats() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("schema:\n", "schema:\n    format: avro\n")))
        .containsExactly("source.schema.format (line 5): was 'avro' but it is not supported yet; use json");
    assertThat(Specs.problems(Specs.MINIMAL.replace("schema:\n", "schema:\n    format: JSON\n")))
        .containsExactly("source.schema.format (line 5): was 'JSON' but it is not one of json; did you mean 'json'?");
  }

  @Test
  void shouldBoundMaxMessageBytes() {
    String big = Specs.MINIMAL.replace("schema:\n", "schema:\n    maxMessageBytes: 5242881\n");
    assertThat(Specs.problems(big)).containsExactly("source.schema.maxMessageBytes (line 5): was '5242881' but it "
        + "is out of range; use a whole number from 1 to 5242880");
    String words = Specs.MINIMAL.replace("schema:\n", "schema:\n    maxMessageBytes: 1MB\n");
    assertThat(Specs.problems(words)).containsExactly("source.schema.maxMessageBytes (line 5): was '1MB' but it "
        + "is not a whole number from 1 to 5242880");
  }

  @Test
  void shouldRequireKeyToNameADeclaredField() {
    assertThat(Specs.problems("key: X\n" + Specs.MINIMAL)).containsExactly(
        "key (line 1): was 'X' but it is not a field of source.schema.fields (x); did you mean 'x'?");
  }

  @Test
  void shouldCheckKeyEvenWhenSourceHasOtherProblems() {
    assertThat(Specs.problems("key: y\n" + Specs.MINIMAL.replace("persistent://t/n/in", "in"))).containsExactly(
        "key (line 1): was 'y' but it is not a field of source.schema.fields (x)",
        "source.topic (line 4): was 'in' but it is not a full topic name; use the form "
            + "persistent://tenant/namespace/topic (or non-persistent://tenant/namespace/topic)");
  }

  @Test
  void shouldRequireSourceTopicAndSchema() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("  topic: persistent://t/n/in\n", "")
        .replace("  schema:\n    fields:\n      x: double\n", "  schema: []\n"))).containsExactly(
        "source.topic (line 2): was missing but it is required; for example "
            + "'topic: persistent://ml/raw/sensor-input'",
        "source.schema (line 3): was '[]' but it is a list where a map is expected with keys format, "
            + "maxMessageBytes, fields");
  }

  @Test
  void shouldReadFeedbackAndRuntime() {
    PipelineSpec spec = Specs.parse(Specs.MINIMAL + """
        feedback:
          topic: non-persistent://t/n/labels
        runtime:
          batchDelay: 250us
          receiverQueueSize: 10_000
        """);

    assertThat(spec.feedback()).isEqualTo(new FeedbackSpec("non-persistent://t/n/labels"));
    assertThat(spec.runtime()).isEqualTo(new RuntimeSpec(Duration.ofNanos(250_000), 10_000, 10_000));
  }

  @Test
  void shouldCheckFeedbackTopicAndRuntimeRanges() {
    assertThat(Specs.problems(Specs.MINIMAL + """
        feedback: {}
        runtime:
          batchDelay: 2s
          receiverQueueSize: 0
          maxPendingMessages: lots
        """)).isEqualTo(List.of(
        "feedback.topic (line 13): was missing but it is required; for example 'topic: persistent://ml/feedback/outcomes'",
        "runtime.batchDelay (line 15): was '2s' but it is out of range; use a duration from 0s to 1s",
        "runtime.receiverQueueSize (line 16): was '0' but it is out of range; use a whole number from 1 to 100000",
        "runtime.maxPendingMessages (line 17): was 'lots' but it is not a whole number from 1 to 1000000"));
  }

  @Test
  void shouldReadMicroBatchSettingsWithDefaults() {
    assertThat(Specs.parse(Specs.MINIMAL).runtime().microBatchEvents()).isEqualTo(256);
    assertThat(Specs.parse(Specs.MINIMAL).runtime().microBatchWait()).isZero();

    RuntimeSpec runtime = Specs.parse(Specs.MINIMAL + """
        runtime:
          microBatchEvents: 32
          microBatchWait: 500us
        """).runtime();

    assertThat(runtime).isEqualTo(new RuntimeSpec(Duration.ofMillis(1), 1000, 10_000, 32, Duration.ofNanos(500_000)));
  }

  @Test
  void shouldCheckMicroBatchRanges() {
    assertThat(Specs.problems(Specs.MINIMAL + """
        runtime:
          microBatchEvents: 0
          microBatchWait: 1s
        """)).isEqualTo(List.of(
        "runtime.microBatchEvents (line 14): was '0' but it is out of range; use a whole number from 1 to 10000",
        "runtime.microBatchWait (line 15): was '1s' but it is out of range; use a duration from 0s to 100ms"));
  }
}
