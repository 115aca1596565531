package dev.gyre.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gyre.registry.Channel;
import dev.gyre.registry.ModelVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordJsonTest {
  private static final ModelVersion VERSION = new ModelVersion("sensor-warming", "2", "onnx",
      "3fa9c1d2e3f4a5b6c7d8e9f00112233445566778899aabbccddeeff001122334", 1234,
      List.of("temp_scaled", "hour_sin", "hour_cos"), List.of("false", "true"),
      "{\"holdoutAccuracy\":0.91,\"rows\":8000}", Instant.parse("2026-11-20T10:00:00.123Z"), "ana@box",
      "/models/sensor-warming.onnx", "Tribuo 4.3.2", new ModelVersion.Payload("u-1", "CAEQAA==", 3));

  @Test
  void shouldReadBackTheVersionItWrote() {
    assertThat(RecordJson.version(RecordJson.write(VERSION))).isEqualTo(VERSION);
  }

  @Test
  void shouldEmbedAJsonTrainingReportAsAnObject() {
    String json = new String(RecordJson.write(VERSION), StandardCharsets.UTF_8);

    assertThat(json).contains("\"trainingReport\":{\"holdoutAccuracy\":0.91,\"rows\":8000}")
        .contains("\"sha256\":\"3fa9c1");
  }

  @Test
  void shouldReadBackAVersionWithoutReportAndWithATextReport() {
    ModelVersion bare = new ModelVersion("m", "1", "onnx", "ab", 1, List.of(), List.of(), null, Instant.EPOCH, null,
        null, null, new ModelVersion.Payload("u", "id", 1));
    ModelVersion text = new ModelVersion("m", "1", "onnx", "ab", 1, List.of("x"), List.of(), "not json", Instant.EPOCH,
        "me", "f", "", new ModelVersion.Payload("u", "id", 1));

    assertThat(RecordJson.version(RecordJson.write(bare))).isEqualTo(bare);
    assertThat(RecordJson.version(RecordJson.write(text))).isEqualTo(text);
  }

  @Test
  void shouldReadBackChannels() {
    Instant at = Instant.parse("2026-11-20T10:00:00Z");
    Channel empty = Channel.empty("m");
    Channel busy = empty.promote("1", at, "ana@box").promote("2", at, "ana@box").canary("3", 0.25, at, "bo@box")
        .shadow("4", at, "bo@box");

    assertThat(RecordJson.channel(RecordJson.write(empty))).isEqualTo(empty);
    assertThat(RecordJson.channel(RecordJson.write(busy))).isEqualTo(busy);
  }

  @Test
  void shouldRefuseARecordThatIsNotAnObject() {
    assertThatIllegalArgumentException().isThrownBy(() -> RecordJson.channel("[1]".getBytes(StandardCharsets.UTF_8)))
        .withMessage("a registry record is not a JSON object");
  }
}
