package dev.gyre.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.api.SpecException;
import dev.gyre.api.StageException;
import dev.gyre.functions.internal.MessageProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pulsar.functions.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against a hand-made Functions context: no broker, no worker. */
class GyreStageFunctionTest {
  private static final String READING = "{\"deviceId\": \"1234\", \"temp\": 37.4, \"ts\": 1689912010}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final GyreStageFunction function = new GyreStageFunction();

  @AfterEach
  void close() {
    function.close();
  }

  private TestContext start(Map<String, Object> userConfig, String input, String output) {
    TestContext context = new TestContext(userConfig, input, output);
    function.initialize(context.context());
    return context;
  }

  private TestContext transform(String onError) {
    return start(Map.of("stage", "transform", "spec", Specs.sensor(onError)), Specs.SOURCE, Specs.FEATURES);
  }

  @Test
  void shouldEmitFeaturesKeyedByTheSpecKeyWhenTheInputHasNoKey() throws Exception {
    TestContext context = transform("dead-letter");
    byte[] input = context.receive(null, READING, Map.of("trace", "t-1"), "7:3:-1", 1_700_000_000_123L);

    Record<byte[]> out = function.process(input, context.context());

    assertThat(out.getDestinationTopic()).contains(Specs.FEATURES);
    assertThat(out.getKey()).contains("1234");
    JsonNode event = JSON.readTree(out.getValue());
    assertThat(event.get("temp_scaled").asDouble()).isCloseTo(1.74, within(1e-9));
    assertThat(event.get("alert").asBoolean()).isTrue();
    assertThat(out.getProperties()).containsEntry("trace", "t-1")
        .containsEntry(MessageProperties.INGEST_MILLIS, "1700000000123");
  }

  @Test
  void shouldKeepTheInputKeyAndAnIngestTimeSetUpstream() {
    TestContext context = transform("dead-letter");
    byte[] input = context.receive("other-key", READING, Map.of(MessageProperties.INGEST_MILLIS, "42"), "7:4:-1", 99L);

    Record<byte[]> out = function.process(input, context.context());

    assertThat(out.getKey()).contains("other-key");
    assertThat(out.getProperties()).containsEntry(MessageProperties.INGEST_MILLIS, "42");
  }

  @Test
  void shouldDeadLetterMalformedInputWithTheOriginalPayloadAndTheReason() {
    TestContext context = transform("dead-letter");
    byte[] input = context.receive("k", "{\"deviceId\": \"1234\", \"temp\": 4", Map.of("trace", "t-2"), "7:5:-1", 5L);

    Record<byte[]> out = function.process(input, context.context());

    assertThat(out.getDestinationTopic()).contains(Specs.FEATURES_DLQ);
    assertThat(out.getValue()).isSameAs(input);
    assertThat(out.getKey()).contains("k");
    assertThat(out.getProperties())
        .containsEntry("trace", "t-2")
        .containsEntry(MessageProperties.STAGE, "transform")
        .containsEntry(MessageProperties.REASON, "malformed-json")
        .containsEntry(MessageProperties.SOURCE_TOPIC, Specs.SOURCE)
        .containsEntry(MessageProperties.SOURCE_MESSAGE_ID, "7:5:-1")
        .containsKey(MessageProperties.DETAIL);
  }

  @Test
  void shouldDeadLetterEventWithMissingField() {
    TestContext context = transform("dead-letter");
    byte[] input = context.receive(null, "{\"deviceId\": \"1234\", \"ts\": 1}", Map.of(), "7:6:-1", 5L);

    Record<byte[]> out = function.process(input, context.context());

    assertThat(out.getProperties()).containsEntry(MessageProperties.REASON, "missing-field");
    assertThat(out.getProperties().get(MessageProperties.DETAIL)).contains("temp");
  }

  @Test
  void shouldStopTheInstanceWithoutAcknowledgingWhenOnErrorIsFail() {
    TestContext context = transform("fail");
    byte[] input = context.receive(null, "not json", Map.of(), "7:7:-1", 5L);

    assertThatThrownBy(() -> function.process(input, context.context()))
        .isInstanceOf(StageException.class).hasMessageContaining("7:7:-1").hasMessageContaining("malformed-json");
    assertThat(context.fatal).hasSize(1);
  }

  @Test
  void shouldWriteToTheSpecsOutputWhenTheFunctionHasNoOutputTopic() {
    TestContext context = start(Map.of("stage", "transform", "spec", Specs.sensor("dead-letter")), Specs.SOURCE, null);
    byte[] input = context.receive(null, READING, Map.of(), "7:8:-1", 5L);

    assertThat(function.process(input, context.context()).getDestinationTopic()).contains(Specs.FEATURES);
  }

  @Test
  void shouldScoreWithTheModelFoundRelativeToSpecDir(@TempDir Path dir) throws Exception {
    Specs.trainModel(dir);
    TestContext context = start(Map.of("stage", "score", "spec", Specs.sensor("dead-letter"), "specDir", dir.toString()),
        Specs.FEATURES, Specs.PREDICTIONS);
    byte[] input = context.receive("1234", "{\"deviceId\": \"1234\", \"temp\": 37.4, \"ts\": 1, \"temp_scaled\": 1.74,"
        + " \"alert\": true}", Map.of(), "9:1:-1", 5L);

    Record<byte[]> out = function.process(input, context.context());

    JsonNode event = JSON.readTree(out.getValue());
    assertThat(out.getDestinationTopic()).contains(Specs.PREDICTIONS);
    assertThat(event.get("prediction").asText()).isIn("warming", "steady");
    assertThat(event.get("probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(event.get("model").asText()).isEqualTo("warming");
    assertThat(event.get("model_version").asText()).isEqualTo("3");
  }

  @Test
  void shouldReadTheSpecFromSpecPathAndResolveModelsNextToIt(@TempDir Path dir) throws Exception {
    Specs.trainModel(dir);
    Path spec = Files.writeString(dir.resolve("pipeline.yaml"), Specs.sensor("dead-letter"));
    TestContext context = start(Map.of("stage", "score", "specPath", spec.toString()), Specs.FEATURES, Specs.PREDICTIONS);
    byte[] input = context.receive("1234", "{\"deviceId\": \"1234\", \"temp\": 37.4, \"ts\": 1, \"temp_scaled\": 1.74,"
        + " \"alert\": true}", Map.of(), "9:2:-1", 5L);

    assertThat(JSON.readTree(function.process(input, context.context()).getValue()).has("prediction")).isTrue();
  }

  @Test
  void shouldNotLoadTheModelsOfLaterStages() {
    // No model file exists: the transform function must start all the same.
    TestContext context = transform("dead-letter");
    byte[] input = context.receive(null, READING, Map.of(), "7:9:-1", 5L);

    assertThat(function.process(input, context.context()).getDestinationTopic()).contains(Specs.FEATURES);
  }

  @Test
  void shouldFailToStartNamingTheStagesWhenTheStageIsUnknown() {
    TestContext context = new TestContext(Map.of("stage", "scroe", "spec", Specs.sensor("dead-letter")),
        Specs.FEATURES, Specs.PREDICTIONS);

    assertThatThrownBy(() -> function.initialize(context.context()))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("--user-config.stage").hasMessageContaining("'scroe'")
        .hasMessageContaining("stages: transform, score");
  }

  @Test
  void shouldFailToStartWhenTheModelCannotBeLoaded() {
    TestContext context = new TestContext(Map.of("stage", "score", "spec", Specs.sensor("dead-letter"), "specDir",
        "/nonexistent"), Specs.FEATURES, Specs.PREDICTIONS);

    assertThatThrownBy(() -> function.initialize(context.context()))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("stages[1].model.path").hasMessageContaining("/nonexistent/model/warming.onnx");
  }
}
