package dev.gyre.core.enrich;

import static dev.gyre.core.Json.bytes;
import static dev.gyre.core.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.core.driver.PipelineDriver;
import dev.gyre.core.driver.PipelineDriver.DeadLettered;
import dev.gyre.core.driver.PipelineDriver.Delivered;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.core.plan.TopicPlan;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import dev.gyre.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A features stage with {@code enrich}, planned and driven without a broker. */
class EnrichPipelineTest {
  private static final String DEVICES = "persistent://ml/reference/devices";
  private static final String SPEC = """
      name: enriched
      key: deviceId
      source:
        topic: persistent://ml/raw/in
        schema:
          fields: {deviceId: string, temp: double, ts: long}
      stages:
        - name: join
          type: features
          output: persistent://ml/features/joined
          enrich:
            - table: persistent://ml/reference/devices
              key: deviceId
              prefix: dev_
              fields: {site: string, threshold: double}
              missing: %s
              defaults: {site: unknown, threshold: 30.0}
          windows:
            time: ts
            aggregates: [max_threshold = max(dev_threshold)]
          features:
            - hot = temp > dev_threshold
        - name: after
          type: features
          output: persistent://ml/features/after
          features:
            - label = if(hot, 'hot ' + dev_site, 'ok ' + dev_site)
      """;

  private static PipelinePlan plan(String yaml) {
    return new PipelinePlanner(d -> {
      throw new AssertionError("no models here");
    }).plan(SpecLoader.parse(yaml, Path.of("/specs")));
  }

  @Test
  void shouldAddRowFieldsThatFormulasWindowsAndLaterStagesSee() {
    try (PipelineDriver driver = new PipelineDriver(plan(SPEC.formatted("defaults")), Clock.systemUTC())) {
      driver.referenceTable(DEVICES).put("d1", "{\"site\": \"north\", \"threshold\": 35.5}");

      Delivered hit = (Delivered) driver.send("d1", bytes("{\"deviceId\": \"d1\", \"temp\": 36, \"ts\": 1000}"));
      Delivered miss = (Delivered) driver.send("d9", bytes("{\"deviceId\": \"d9\", \"temp\": 31, \"ts\": 1000}"));
      driver.referenceTable(DEVICES).put("d1", "{\"site\": \"north\", \"threshold\": 40}");
      Delivered updated = (Delivered) driver.send("d1", bytes("{\"deviceId\": \"d1\", \"temp\": 36, \"ts\": 2000}"));

      assertThat(text(hit.value())).isEqualTo("{\"deviceId\":\"d1\",\"temp\":36,\"ts\":1000,\"dev_site\":\"north\","
          + "\"dev_threshold\":35.5,\"max_threshold\":35.5,\"hot\":true,\"label\":\"hot north\"}");
      assertThat(text(miss.value())).isEqualTo("{\"deviceId\":\"d9\",\"temp\":31,\"ts\":1000,\"dev_site\":\"unknown\","
          + "\"dev_threshold\":30.0,\"max_threshold\":30.0,\"hot\":true,\"label\":\"hot unknown\"}");
      assertThat(text(updated.value())).isEqualTo("{\"deviceId\":\"d1\",\"temp\":36,\"ts\":2000,\"dev_site\":\"north\","
          + "\"dev_threshold\":40.0,\"max_threshold\":40.0,\"hot\":false,\"label\":\"ok north\"}");
    }
  }

  @Test
  void shouldDeadLetterAMissingRowAndADeletedOne() {
    try (PipelineDriver driver = new PipelineDriver(plan(SPEC.formatted("dead-letter")), Clock.systemUTC())) {
      driver.referenceTable(DEVICES).put("d1", "{\"site\": \"north\", \"threshold\": 35.5}");
      assertThat(driver.send("d1", bytes("{\"deviceId\": \"d1\", \"temp\": 36, \"ts\": 1000}")))
          .isInstanceOf(Delivered.class);
      driver.referenceTable(DEVICES).remove("d1");

      assertThat(driver.send("d1", bytes("{\"deviceId\": \"d1\", \"temp\": 36, \"ts\": 2000}")))
          .isEqualTo(new DeadLettered("join", "missing-reference",
              "there is no row for deviceId 'd1' in " + DEVICES + " (missing: dead-letter)"));
      assertThat(driver.readTopic("persistent://ml/features/joined-dlq")).hasSize(1);
    }
  }

  @Test
  void shouldPlanTheTableTopicCompactedAndTheAddedFieldsAsRequired() {
    PipelinePlan plan = plan(SPEC.formatted("defaults"));

    assertThat(plan.topics()).contains(new TopicPlan(DEVICES, null, true));
    assertThat(plan.referenceTables().topics()).containsExactly(DEVICES);
    assertThat(plan.stage("after").inputFields()).contains(new FieldSpec("dev_site", FieldType.STRING, true),
        new FieldSpec("dev_threshold", FieldType.DOUBLE, true));
  }

  @Test
  void shouldReportAKeyFieldThatDoesNotFitAndANameThatIsTaken() {
    String yaml = SPEC.formatted("defaults").replace("key: deviceId\n        prefix: dev_\n", "key: temp\n")
        .replace("fields: {site: string, threshold: double}", "fields: {site: string, threshold: double, ts: long}")
        .replace("dev_threshold", "threshold").replace("dev_site", "site");
    SpecException e = catchThrowableOfType(SpecException.class, () -> plan(yaml));

    assertThat(e.problems().stream().map(SpecProblem::toString)).containsExactly(
        "stages[0].enrich[0].key (line 13): was 'temp' but it is a double field; a table's key field must be a "
            + "string, int or long field",
        "stages[0].enrich[0].fields.ts (line 14): was 'long' but it adds 'ts', which is already a field of the "
            + "events reaching this stage; give the entry a prefix");
  }
}
