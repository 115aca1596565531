package dev.gyre.core.stage;

import static dev.gyre.core.Json.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.api.InputRecord;
import dev.gyre.api.Model;
import dev.gyre.api.Outcome;
import dev.gyre.api.Prediction;
import dev.gyre.core.ThresholdModel;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.serving.ModelRouter;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Micro-batches: one model call per batch, and exactly the outcomes of scoring event by event. */
class ScoreStageBatchTest {
  private static final EventSchema SCHEMA = new EventSchema(List.of(
      new FieldSpec("deviceId", FieldType.STRING, true),
      new FieldSpec("temp_scaled", FieldType.DOUBLE, true),
      new FieldSpec("alert", FieldType.BOOLEAN, true)));

  /** Counts batch calls and the rows in each; scores like {@link ThresholdModel}. */
  private static final class CountingModel implements Model {
    final ThresholdModel inner;
    final List<Integer> batchSizes = new ArrayList<>();

    CountingModel(String version) {
      inner = new ThresholdModel("m", version, List.of("temp_scaled", "alert"), 1.5, 100.0);
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public String version() {
      return inner.version();
    }

    @Override
    public List<String> inputs() {
      return inner.inputs();
    }

    @Override
    public Prediction predict(float[] features) {
      return inner.predict(features);
    }

    @Override
    public Prediction[] predictBatch(FloatBuffer rows, int rowCount) {
      batchSizes.add(rowCount);
      return Model.super.predictBatch(rows, rowCount);
    }

    @Override
    public void close() {}
  }

  private static ScoreStage stage(ModelRouter router) {
    return new ScoreStage(new EventCodec(1024), SCHEMA, "deviceId", router);
  }

  private static InputRecord event(String device, String tempScaled) {
    return InputRecord.of(null, bytes("{\"deviceId\": \"" + device + "\", \"temp_scaled\": " + tempScaled
        + ", \"alert\": true}"));
  }

  private static List<InputRecord> mixedBatch() {
    List<InputRecord> batch = new ArrayList<>();
    batch.add(event("d-1", "1.74"));
    batch.add(InputRecord.of(null, bytes("{\"deviceId\": \"d-2\", \"temp")));          // malformed JSON
    batch.add(event("d-3", "0.2"));
    batch.add(InputRecord.of(null, bytes("{\"deviceId\": \"d-4\", \"alert\": true}"))); // missing input
    batch.add(event("d-5", "150.0"));                                                 // the model refuses it
    batch.add(event("d-6", "3.5"));
    batch.add(InputRecord.of("explicit-key", bytes("{\"deviceId\": \"d-7\", \"temp_scaled\": 2, \"alert\": false}")));
    return batch;
  }

  @Test
  void shouldGiveTheSameOutcomesAsProcessingOneByOne() {
    List<Outcome> oneByOne = mixedBatch().stream()
        .map(r -> stage(new ModelRouter(new CountingModel("1"))).process(r)).toList();

    List<Outcome> batched = stage(new ModelRouter(new CountingModel("1"))).processBatch(mixedBatch());

    assertThat(batched).hasSize(7);
    assertThat(batched).usingRecursiveFieldByFieldElementComparator().isEqualTo(oneByOne);
    assertThat(batched.stream().map(o -> o instanceof Outcome.DeadLetter d ? d.reason() : "emit").toList())
        .containsExactly("emit", "malformed-json", "emit", "missing-field", "model-error", "emit", "emit");
  }

  @Test
  void shouldScoreAMissingInputWithItsDeclaredDefaultAndDeadLetterOneWithout() {
    ThresholdModel model = new ThresholdModel("m", "1", List.of("temp_scaled", "alert"), 1.5);
    EventSchema optional = new EventSchema(List.of(new FieldSpec("deviceId", FieldType.STRING, true),
        new FieldSpec("temp_scaled", FieldType.DOUBLE, false), new FieldSpec("alert", FieldType.BOOLEAN, false)));
    ScoreStage stage = new ScoreStage(new EventCodec(1024), optional, "deviceId", new ModelRouter(model),
        java.util.Map.of("temp_scaled", 2.5));
    List<InputRecord> events = List.of(
        InputRecord.of(null, bytes("{\"deviceId\": \"a\", \"alert\": true}")),
        InputRecord.of(null, bytes("{\"deviceId\": \"b\", \"temp_scaled\": null, \"alert\": true}")),
        InputRecord.of(null, bytes("{\"deviceId\": \"c\", \"temp_scaled\": 1.0}")));

    List<Outcome> batched = stage.processBatch(events);
    List<Outcome> single = events.stream().map(stage::process).toList();

    assertThat(batched).usingRecursiveFieldByFieldElementComparator().isEqualTo(single);
    assertThat(new String(((Outcome.Emit) batched.get(0)).value())).contains("\"prediction\":\"warming\"");
    assertThat(new String(((Outcome.Emit) batched.get(1)).value())).contains("\"prediction\":\"warming\"");
    assertThat(((Outcome.DeadLetter) batched.get(2)).reason()).as("alert has no default").isEqualTo("model-input");
    assertThat(model.rows()).allSatisfy(row -> assertThat(row[0]).isIn(2.5f, 1.0f));
  }

  @Test
  void shouldScoreABatchInOneModelCall() {
    CountingModel model = new CountingModel("1");
    List<InputRecord> batch = IntStream.range(0, 50).mapToObj(i -> event("d-" + i, Double.toString(i / 10.0)))
        .toList();

    List<Outcome> outcomes = stage(new ModelRouter(model)).processBatch(batch);

    assertThat(model.batchSizes).containsExactly(50);
    assertThat(outcomes).allMatch(o -> o instanceof Outcome.Emit);
  }

  @Test
  void shouldRescoreRowByRowWhenTheBatchCallFailsSoOnlyTheBadEventIsDeadLettered() {
    CountingModel model = new CountingModel("1");

    List<Outcome> outcomes = stage(new ModelRouter(model)).processBatch(
        List.of(event("a", "1.0"), event("b", "101"), event("c", "2.0")));

    assertThat(model.batchSizes).containsExactly(3);
    assertThat(outcomes.get(0)).isInstanceOf(Outcome.Emit.class);
    assertThat(((Outcome.DeadLetter) outcomes.get(1)).reason()).isEqualTo("model-error");
    assertThat(outcomes.get(2)).isInstanceOf(Outcome.Emit.class);
  }

  /** A model whose server is down: every call fails with a retriable error, or answers the fallback. */
  private static final class UnavailableModel implements Model {
    final boolean fallback;
    int calls;

    UnavailableModel(boolean fallback) {
      this.fallback = fallback;
    }

    @Override
    public String name() {
      return "remote";
    }

    @Override
    public String version() {
      return "7";
    }

    @Override
    public List<String> inputs() {
      return List.of("temp_scaled", "alert");
    }

    @Override
    public Prediction predict(float[] features) {
      calls++;
      if (fallback) {
        return new Prediction("0", 0.0, Prediction.FALLBACK);
      }
      throw new dev.gyre.api.ModelException("server down", true, null);
    }

    @Override
    public void close() {}
  }

  @Test
  void shouldDeadLetterTheWholeBatchWithoutRetryingRowByRowWhenTheModelIsUnavailable() {
    UnavailableModel model = new UnavailableModel(false);

    List<Outcome> outcomes = stage(new ModelRouter(model)).processBatch(
        List.of(event("a", "1.0"), event("b", "2.0"), event("c", "3.0")));

    assertThat(model.calls).as("one failed call for the batch, not one more per row").isEqualTo(1);
    assertThat(outcomes).allSatisfy(o -> assertThat(((Outcome.DeadLetter) o).reason()).isEqualTo("model-error"));
  }

  @Test
  void shouldMarkAFallbackPredictionInsteadOfTheModelVersion() {
    List<Outcome> outcomes = stage(new ModelRouter(new UnavailableModel(true))).processBatch(
        List.of(event("a", "1.0"), event("b", "2.0")));

    assertThat(outcomes).allSatisfy(o -> assertThat(new String(((Outcome.Emit) o).value()))
        .contains("\"model_version\":\"fallback\"").contains("\"model\":\"remote\""));
  }

  @Test
  void shouldMakeOneCallPerModelDuringACanaryAndKeepInputOrder() {
    CountingModel champion = new CountingModel("1");
    CountingModel canary = new CountingModel("2");
    ModelRouter router = new ModelRouter(champion);
    router.canary(canary, 0.5);
    List<InputRecord> batch = IntStream.range(0, 40).mapToObj(i -> event("k-" + i, "2.0")).toList();

    List<Outcome> outcomes = stage(router).processBatch(batch);

    assertThat(champion.batchSizes).hasSize(1);
    assertThat(canary.batchSizes).hasSize(1);
    assertThat(champion.batchSizes.get(0) + canary.batchSizes.get(0)).isEqualTo(40);
    for (int i = 0; i < 40; i++) {
      String key = "k-" + i;
      String expectedVersion = router.modelFor(key).version();
      assertThat(new String(((Outcome.Emit) outcomes.get(i)).value()))
          .contains("\"deviceId\":\"" + key + "\"")
          .contains("\"model_version\":\"" + expectedVersion + "\"");
    }
  }
}
