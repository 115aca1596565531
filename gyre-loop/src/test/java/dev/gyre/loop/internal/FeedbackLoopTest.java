package dev.gyre.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.learn.join.JoinStateCodec;
import dev.gyre.learn.online.LearnedModel;
import dev.gyre.learn.synthetic.Example;
import dev.gyre.learn.synthetic.SeaGenerator;
import dev.gyre.spec.FeedbackSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop without a broker: joins, evaluation events, dead letters, metrics, learning decisions. */
class FeedbackLoopTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  private static final List<String> INPUTS = List.of("x1", "x2", "x3");
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private static FeedbackSpec spec(int every, FeedbackSpec.OnlineLearning online) {
    FeedbackSpec d = new FeedbackSpec("persistent://t/fb/outcomes");
    return new FeedbackSpec(d.topic(), "event_id", null, "label", Duration.ofMinutes(10), "1", "0",
        new FeedbackSpec.Evaluation(d.evaluation().topic(), 100, null, every), d.drift(), online);
  }

  private static byte[] prediction(float[] x, String label, double p) {
    return ("{\"x1\":" + x[0] + ",\"x2\":" + x[1] + ",\"x3\":" + x[2] + ",\"prediction\":\"" + label
        + "\",\"probability\":" + p + ",\"model\":\"sea\",\"model_version\":\"1\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] outcome(String id, String label) {
    return ("{\"event_id\":\"" + id + "\",\"label\":" + label + "}").getBytes(StandardCharsets.UTF_8);
  }

  private double count(String name, String tag, String value) {
    var c = meters.find(name).tag(tag, value).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void shouldJoinOnTheEventIdApplyARepeatedOutcomeOnceAndDeadLetterUnreadableOnes() throws Exception {
    FeedbackLoop loop = new FeedbackLoop("p", spec(4, null), "sea", INPUTS, null, null,
        new LoopMetrics(meters, "p"), CLOCK);
    float[] x = {1, 2, 3};
    List<Output> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      loop.prediction(prediction(x, "1", 0.8), "e" + i, T0.plusSeconds(i));
    }
    out.addAll(loop.outcome(outcome("e0", "1"), T0.plusSeconds(10)));
    out.addAll(loop.outcome(outcome("e0", "1"), T0.plusSeconds(11)));
    out.addAll(loop.outcome(outcome("nope", "1"), T0.plusSeconds(12)));
    out.addAll(loop.outcome("not json".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(12)));
    out.addAll(loop.outcome(outcome("e1", "0"), T0.plusSeconds(13)));
    out.addAll(loop.outcome(outcome("e2", "1"), T0.plusSeconds(14)));
    out.addAll(loop.outcome(outcome("e3", "1.0"), T0.plusSeconds(15)));
    out.addAll(loop.outcome(outcome("e3", "1"), T0.plusSeconds(16)));

    assertThat(out).extracting(Output::topic).containsExactly("persistent://t/fb/outcomes-dlq",
        "persistent://t/fb/model-accuracy", "persistent://t/fb/model-accuracy");
    assertThat(out.get(0).properties()).containsEntry("gyre.reason", "malformed-json");
    JsonNode eval = MAPPER.readTree(out.get(1).payload());
    assertThat(eval.get("type").asText()).isEqualTo("evaluation");
    assertThat(eval.get("version").asText()).isEqualTo("1");
    assertThat(eval.get("labels").asLong()).isEqualTo(4);
    assertThat(eval.get("accuracy").asDouble()).isEqualTo(0.75);
    assertThat(eval.get("labelsSeen").asLong()).isEqualTo(4);
    JsonNode report = MAPPER.readTree(out.get(2).payload());
    assertThat(report.get("joined").asLong()).isEqualTo(4);
    assertThat(report.get("duplicateOutcomes").asLong()).as("before the last outcome").isEqualTo(1);
    assertThat(report.get("unmatchedOutcomes").asLong()).isEqualTo(1);
    assertThat(count(LoopMetrics.OUTCOMES, "result", "joined")).isEqualTo(4);
    assertThat(count(LoopMetrics.OUTCOMES, "result", "duplicate")).isEqualTo(2);
    assertThat(count(LoopMetrics.OUTCOMES, "result", "invalid")).isEqualTo(1);
    assertThat(meters.find("gyre.eval.accuracy").tag("version", "1").gauge().value()).isEqualTo(0.75);
  }

  @Test
  void shouldExpirePredictionsPastTheHorizonAndRestoreTheJoinFromASnapshot() {
    FeedbackLoop loop = new FeedbackLoop("p", spec(100, null), "sea", INPUTS, null, null,
        new LoopMetrics(meters, "p"), CLOCK);
    loop.prediction(prediction(new float[] {1, 2, 3}, "1", 0.8), "e0", T0);
    loop.prediction(prediction(new float[] {1, 2, 3}, "1", 0.8), "e1", T0.plusSeconds(500));
    FeedbackLoop restored = new FeedbackLoop("p", spec(100, null), "sea", INPUTS,
        JoinStateCodec.read(JoinStateCodec.write(loop.join())), null, new LoopMetrics(new SimpleMeterRegistry(), "p"),
        CLOCK);
    loop.advanceTo(T0.plusSeconds(601));

    assertThat(count(LoopMetrics.EXPIRED, "reason", "horizon")).isEqualTo(1);
    assertThat(restored.outcome(outcome("e0", "1"), T0.plusSeconds(599))).isEmpty();
    assertThat(restored.join().counts().joined()).isEqualTo(1);
    assertThat(restored.join().pendingCount()).isEqualTo(1);
  }

  @Test
  void shouldPromoteAnOnlineSnapshotThatBeatsAPoorChampionOnTheSameLabels() {
    List<String> calls = new ArrayList<>();
    Versions versions = new Versions() {
      @Override
      public void push(LearnedModel snapshot) {
        calls.add("push " + snapshot.version().substring(0, snapshot.version().lastIndexOf('-')));
      }

      @Override
      public void promote(String model, String version) {
        calls.add("promote " + version.substring(0, version.lastIndexOf('-')));
      }

      @Override
      public void rollback(String model) {
        calls.add("rollback");
      }
    };
    FeedbackLoop loop = new FeedbackLoop("p", spec(1000, new FeedbackSpec.OnlineLearning("ftrl", 300, "t/models",
        0.05, 300)), "sea", INPUTS, null, versions, new LoopMetrics(meters, "p"), CLOCK);
    SeaGenerator sea = new SeaGenerator(42, 0.1, 1, 1, Long.MAX_VALUE);
    List<String> decisions = new ArrayList<>();
    for (int i = 0; i < 900; i++) {
      Example e = sea.next();
      loop.prediction(prediction(e.x(), "0", 0.6), "e" + i, T0.plusMillis(i));
      for (Output o : loop.outcome(outcome("e" + i, e.label()), T0.plusMillis(i))) {
        decisions.add(new String(o.payload(), StandardCharsets.UTF_8).replaceAll(".*\"type\":\"([a-z]+)\".*", "$1"));
      }
    }

    // each snapshot is judged on the 300 labels after it, before the next snapshot is taken
    assertThat(calls).containsExactly("push online-300", "promote online-300", "push online-600",
        "promote online-600", "push online-900");
    assertThat(decisions).containsExactly("snapshot", "promotion", "snapshot", "promotion", "snapshot");
    assertThat(count(LoopMetrics.DECISIONS, "decision", "promotion")).isEqualTo(2);
  }
}
