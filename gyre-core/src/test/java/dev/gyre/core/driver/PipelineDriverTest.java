package dev.gyre.core.driver;

import static dev.gyre.core.Json.bytes;
import static dev.gyre.core.Json.object;
import static dev.gyre.core.Json.text;
import static dev.gyre.core.SensorSpecs.PREDICTIONS;
import static dev.gyre.core.SensorSpecs.PREDICTIONS_DLQ;
import static dev.gyre.core.SensorSpecs.TRANSFORMED;
import static dev.gyre.core.SensorSpecs.TRANSFORMED_DLQ;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.api.Model;
import dev.gyre.api.Prediction;
import dev.gyre.core.SensorSpecs;
import dev.gyre.core.ThresholdModel;
import dev.gyre.core.driver.PipelineDriver.DeadLettered;
import dev.gyre.core.driver.PipelineDriver.Delivered;
import dev.gyre.core.driver.PipelineDriver.Record;
import dev.gyre.core.driver.PipelineDriver.Result;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlanner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed pipeline (features, then a model) driven end to end without a broker. */
class PipelineDriverTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-11-14T22:13:20Z"), ZoneOffset.UTC);

  /** Scores warming above temp_scaled 1.5 and fails above 100, as a model outside its range would. */
  private static final ModelLoader THRESHOLD =
      d -> new ThresholdModel(d.name(), d.version(), d.inputs(), 1.5, 100.0);

  private static PipelineDriver driver(ModelLoader loader) {
    return new PipelineDriver(new PipelinePlanner(loader).plan(SensorSpecs.parse(SensorSpecs.SEED)), CLOCK);
  }

  private static List<String> values(List<Record> records) {
    return records.stream().map(r -> text(r.value())).toList();
  }

  @Test
  void shouldAccountForEveryEventOfMixedBatchExactlyOnce() {
    List<String> sent = List.of(
        "{\"deviceId\": \"d-1\", \"temp\": 37.4, \"ts\": 1700000000}",
        "{\"deviceId\": \"d-2\", \"temp\": 25, \"ts\": 1700000001, \"site\": \"roof\"}",
        "{\"deviceId\": \"d-3\", \"temp\": ",
        "{\"deviceId\": \"d-4\", \"ts\": 1700000003}",
        "{\"deviceId\": \"d-5\", \"temp\": \"37.4\", \"ts\": 1700000004}",
        "[{\"deviceId\": \"d-6\", \"temp\": 37.4, \"ts\": 1700000005}]",
        "{\"deviceId\": \"d-7\", \"temp\": NaN, \"ts\": 1700000006}",
        "{\"deviceId\": \"d-8\", \"temp\": 2000, \"ts\": 1700000007}",
        "{\"deviceId\": \"d-9\", \"temp\": 40, \"ts\": 1700000008.5}",
        "{\"deviceId\": \"d-10\", \"temp\": 41, \"ts\": 1700000009, \"extra\": [1]}");
    List<String> expected = List.of("delivered", "delivered", "transform malformed-json",
        "transform missing-field", "transform wrong-type", "transform not-an-object", "transform not-finite",
        "score model-error", "transform wrong-type", "delivered");
    PipelineDriver driver = driver(THRESHOLD);

    List<String> fates = new ArrayList<>();
    List<String> delivered = new ArrayList<>();
    List<String> deadAtTransform = new ArrayList<>();
    for (String event : sent) {
      Result result = driver.send(null, bytes(event));
      if (result instanceof Delivered d) {
        fates.add("delivered");
        delivered.add(text(d.value()));
      } else {
        DeadLettered dead = (DeadLettered) result;
        fates.add(dead.stage() + " " + dead.reason());
        if (dead.stage().equals("transform")) {
          deadAtTransform.add(event);
        }
      }
    }

    assertThat(fates).containsExactlyElementsOf(expected);
    assertThat(values(driver.readTopic(PREDICTIONS))).containsExactlyElementsOf(delivered);
    assertThat(values(driver.readTopic(TRANSFORMED_DLQ))).containsExactlyElementsOf(deadAtTransform);
    assertThat(driver.readTopic(PREDICTIONS_DLQ)).singleElement()
        .satisfies(r -> assertThat(object(r.value()).get("deviceId").textValue()).isEqualTo("d-8"));
    assertThat(driver.readTopic(TRANSFORMED)).hasSize(4);
    assertThat(driver.readTopic(PREDICTIONS).size() + driver.readTopic(TRANSFORMED_DLQ).size()
        + driver.readTopic(PREDICTIONS_DLQ).size()).isEqualTo(sent.size());
  }

  @Test
  void shouldCarryKeyFromKeyFieldThroughEveryStage() {
    PipelineDriver driver = driver(THRESHOLD);

    Result result = driver.send(null, bytes("{\"deviceId\": \"d-1\", \"temp\": 37.4, \"ts\": 1700000000}"));

    assertThat(((Delivered) result).key()).isEqualTo("d-1");
    assertThat(driver.readTopic(TRANSFORMED)).extracting(Record::key).containsExactly("d-1");
    assertThat(driver.readTopic(PREDICTIONS)).extracting(Record::key).containsExactly("d-1");
  }

  @Test
  void shouldDeadLetterUnexpectedStageExceptionInsteadOfStopping() {
    PipelineDriver driver = driver(d -> new Model() {
      private final Model delegate = THRESHOLD.load(d);

      @Override public String name() { return delegate.name(); }
      @Override public String version() { return delegate.version(); }
      @Override public List<String> inputs() { return delegate.inputs(); }
      @Override public void close() { delegate.close(); }

      @Override
      public Prediction predict(float[] features) {
        if (features[1] == 0f) {
          throw new IllegalStateException("session closed");
        }
        return delegate.predict(features);
      }
    });

    Result failed = driver.send(null, bytes("{\"deviceId\": \"d-1\", \"temp\": 30, \"ts\": 1700000000}"));
    Result next = driver.send(null, bytes("{\"deviceId\": \"d-2\", \"temp\": 37.4, \"ts\": 1700000001}"));

    assertThat(failed).isEqualTo(new DeadLettered("score", "stage-error", "IllegalStateException: session closed"));
    assertThat(next).isInstanceOf(Delivered.class);
    assertThat(driver.readTopic(PREDICTIONS_DLQ)).hasSize(1);
  }

  @Test
  void shouldReadNothingFromTopicNoRecordReached() {
    assertThat(driver(THRESHOLD).readTopic(PREDICTIONS_DLQ)).isEmpty();
  }
}
