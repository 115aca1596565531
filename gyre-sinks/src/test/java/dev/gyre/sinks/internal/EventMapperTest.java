package dev.gyre.sinks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.core.event.Rejection;
import dev.gyre.core.plan.SinkInput;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMapperTest {
  private static final EventMapper EVENTS = new EventMapper(new SinkInput("persistent://t/n/out",
      List.of(new FieldSpec("x", FieldType.DOUBLE, true)), false));
  private static final EventMapper DEAD_LETTERS = new EventMapper(new SinkInput("persistent://t/n/out-dlq",
      SinkInput.DEAD_LETTER_FIELDS, true));

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldUseTheEventIdPropertyElseTheMessageId() {
    SinkEvent withId = EVENTS.map(bytes("{\"x\": 1}"), Map.of("gyre.event-id", "7:3:-1"), "9:1:-1");
    assertThat(withId.eventId()).isEqualTo("7:3:-1");
    assertThat(withId.event().get("x").asDouble()).isEqualTo(1.0);
    assertThat(new String(withId.body(), StandardCharsets.UTF_8)).isEqualTo("{\"x\": 1}");
    assertThat(EVENTS.map(bytes("{}"), Map.of(), "9:1:-1").eventId()).isEqualTo("9:1:-1");
  }

  @Test
  void shouldRejectPayloadsThatAreNotJsonObjects() {
    assertThatThrownBy(() -> EVENTS.map(bytes("{\"x\": "), Map.of(), "1:1:-1"))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo("malformed-json"));
    assertThatThrownBy(() -> EVENTS.map(bytes("[1]"), Map.of(), "1:1:-1"))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo("not-an-object"));
  }

  @Test
  void shouldSeeADeadLetterAsPayloadAndWhy() {
    SinkEvent dead = DEAD_LETTERS.map(bytes("{\"x\": "), Map.of("gyre.event-id", "1:2:-1", "gyre.stage", "transform",
        "gyre.reason", "malformed-json", "gyre.detail", "bad", "gyre.source-topic", "persistent://t/n/in"), "5:5:-1");
    assertThat(new String(dead.body(), StandardCharsets.UTF_8)).isEqualTo("{\"payload\":\"{\\\"x\\\": \","
        + "\"stage\":\"transform\",\"reason\":\"malformed-json\",\"detail\":\"bad\","
        + "\"source_topic\":\"persistent://t/n/in\"}");
    assertThat(dead.eventId()).isEqualTo("1:2:-1");
  }
}
