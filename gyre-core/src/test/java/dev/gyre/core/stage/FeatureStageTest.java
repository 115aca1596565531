package dev.gyre.core.stage;

import static dev.gyre.core.Json.bytes;
import static dev.gyre.core.Json.object;
import static dev.gyre.core.SensorSpecs.TRANSFORMED;
import static dev.gyre.core.SensorSpecs.TRANSFORMED_DLQ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.SensorSpecs;
import dev.gyre.core.driver.PipelineDriver;
import dev.gyre.core.driver.PipelineDriver.DeadLettered;
import dev.gyre.core.driver.PipelineDriver.Delivered;
import dev.gyre.core.driver.PipelineDriver.Result;
import dev.gyre.core.plan.PipelinePlanner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The features stage as planned from a spec and driven without a broker. */
class FeatureStageTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-11-14T22:13:20Z"), ZoneOffset.UTC);
  private static final String[] SEED_FEATURES = {"temp_scaled = (temp - 20) / 10", "alert = temp_scaled > 1.5"};

  private static PipelineDriver driver(String... features) {
    PipelinePlanner planner = new PipelinePlanner(descriptor -> {
      throw new AssertionError("a features pipeline loads no model");
    });
    return new PipelineDriver(planner.plan(SensorSpecs.parse(SensorSpecs.features(features))), CLOCK);
  }

  private static ObjectNode deliveredEvent(Result result) {
    assertThat(result).isInstanceOf(Delivered.class);
    return object(((Delivered) result).value());
  }

  private static DeadLettered deadLettered(Result result) {
    assertThat(result).isInstanceOf(DeadLettered.class);
    return (DeadLettered) result;
  }

  @Test
  void shouldComputeSeedFormulasForDecimalTemperature() {
    ObjectNode out = deliveredEvent(driver(SEED_FEATURES).send(null,
        bytes("{\"deviceId\": \"d-1\", \"temp\": 37.4, \"ts\": 1700000000}")));

    assertThat(out.get("temp_scaled").doubleValue()).isCloseTo(1.74, within(1e-12));
    assertThat(out.get("alert").booleanValue()).isTrue();
  }

  @Test
  void shouldComputeSeedFormulasInDoublesForIntegerTemperature() {
    ObjectNode out = deliveredEvent(driver(SEED_FEATURES).send(null,
        bytes("{\"deviceId\": \"d-1\", \"temp\": 37, \"ts\": 1700000000}")));

    assertThat(out.get("temp_scaled").doubleValue()).isEqualTo(1.7);
    assertThat(out.get("alert").booleanValue()).isTrue();
  }

  @Test
  void shouldNotAlertAtOrBelowThreshold() {
    ObjectNode out = deliveredEvent(driver(SEED_FEATURES).send(null,
        bytes("{\"deviceId\": \"d-1\", \"temp\": 35, \"ts\": 1700000000}")));

    assertThat(out.get("temp_scaled").doubleValue()).isEqualTo(1.5);
    assertThat(out.get("alert").booleanValue()).isFalse();
  }

  @Test
  void shouldKeepFieldsItDoesNotCompute() {
    ObjectNode out = deliveredEvent(driver(SEED_FEATURES).send(null, bytes(
        "{\"deviceId\": \"d-1\", \"temp\": 37.4, \"ts\": 1700000000, \"firmware\": {\"v\": [1, 2]}, \"site\": \"roof\"}")));

    assertThat(out.get("deviceId").textValue()).isEqualTo("d-1");
    assertThat(out.get("ts").isIntegralNumber()).isTrue();
    assertThat(out.get("ts").longValue()).isEqualTo(1700000000L);
    assertThat(out.get("site").textValue()).isEqualTo("roof");
    assertThat(out.get("firmware").toString()).isEqualTo("{\"v\":[1,2]}");
  }

  @Test
  void shouldKeyEventByKeyFieldWhenRecordHasNoKey() {
    PipelineDriver driver = driver(SEED_FEATURES);

    Result result = driver.send(null, bytes("{\"deviceId\": \"d-7\", \"temp\": 37.4, \"ts\": 1700000000}"));

    assertThat(((Delivered) result).key()).isEqualTo("d-7");
    assertThat(driver.readTopic(TRANSFORMED)).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("d-7"));
  }

  @Test
  void shouldKeepRecordKeyWhenPresent() {
    PipelineDriver driver = driver(SEED_FEATURES);

    Result result = driver.send("k-1", bytes("{\"deviceId\": \"d-7\", \"temp\": 37.4, \"ts\": 1700000000}"));

    assertThat(((Delivered) result).key()).isEqualTo("k-1");
    assertThat(driver.readTopic(TRANSFORMED)).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("k-1"));
  }

  @Test
  void shouldDeadLetterDivisionByZeroNamingTheFeature() {
    PipelineDriver driver = driver("rate = temp / delta");
    byte[] input = bytes("{\"deviceId\": \"d-1\", \"temp\": 37.4, \"ts\": 1700000000, \"delta\": 0}");

    DeadLettered dead = deadLettered(driver.send(null, input));

    assertThat(dead.stage()).isEqualTo("transform");
    assertThat(dead.reason()).isEqualTo("formula-error");
    assertThat(dead.detail()).startsWith("rate: division by zero");
    assertThat(driver.readTopic(TRANSFORMED)).isEmpty();
    assertThat(driver.readTopic(TRANSFORMED_DLQ)).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(input));
  }

  @Test
  void shouldDeadLetterMissingOptionalFieldReadWithoutGuard() {
    DeadLettered dead = deadLettered(driver("rate = temp / delta").send(null,
        bytes("{\"deviceId\": \"d-1\", \"temp\": 37.4, \"ts\": 1700000000}")));

    assertThat(dead.reason()).isEqualTo("formula-error");
    assertThat(dead.detail()).startsWith("rate: uses 'delta', which is missing");
  }

  @Test
  void shouldFallBackWithCoalesceWhenOptionalFieldIsMissing() {
    PipelineDriver driver = driver("rate = temp / coalesce(delta, 2)");

    ObjectNode without = deliveredEvent(driver.send(null, bytes("{\"deviceId\": \"d-1\", \"temp\": 30, \"ts\": 1}")));
    ObjectNode withNull = deliveredEvent(driver.send(null,
        bytes("{\"deviceId\": \"d-1\", \"temp\": 30, \"ts\": 1, \"delta\": null}")));
    ObjectNode with = deliveredEvent(driver.send(null,
        bytes("{\"deviceId\": \"d-1\", \"temp\": 30, \"ts\": 1, \"delta\": 4}")));

    assertThat(without.get("rate").doubleValue()).isEqualTo(15.0);
    assertThat(withNull.get("rate").doubleValue()).isEqualTo(15.0);
    assertThat(with.get("rate").doubleValue()).isEqualTo(7.5);
  }

  @Test
  void shouldDeadLetterEventWithMissingRequiredFieldBeforeComputing() {
    DeadLettered dead = deadLettered(driver(SEED_FEATURES).send(null, bytes("{\"deviceId\": \"d-1\", \"ts\": 1700000000}")));

    assertThat(dead.reason()).isEqualTo("missing-field");
    assertThat(dead.detail()).contains("'temp'");
  }
}
