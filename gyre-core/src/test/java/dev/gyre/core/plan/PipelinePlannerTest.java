package dev.gyre.core.plan;

import static dev.gyre.core.SensorSpecs.PREDICTIONS;
import static dev.gyre.core.SensorSpecs.PREDICTIONS_DLQ;
import static dev.gyre.core.SensorSpecs.SOURCE;
import static dev.gyre.core.SensorSpecs.TRANSFORMED;
import static dev.gyre.core.SensorSpecs.TRANSFORMED_DLQ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.core.SensorSpecs;
import dev.gyre.core.ThresholdModel;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning a valid spec: topics, fields and models. Problems are in {@link PipelinePlannerProblemsTest}. */
class PipelinePlannerTest {
  private final List<ModelDescriptor> requested = new ArrayList<>();
  private final List<ThresholdModel> loaded = new ArrayList<>();
  private final PipelinePlanner planner = new PipelinePlanner(d -> {
    requested.add(d);
    ThresholdModel model = new ThresholdModel(d.name(), d.version(), d.inputs(), 1.5);
    loaded.add(model);
    return model;
  });

  @Test
  void shouldListTopicsInCreationOrderWithSchemasOnlyForEventTopics() {
    PipelinePlan plan = planner.plan(SensorSpecs.parse(SensorSpecs.SEED));

    assertThat(plan.topics()).extracting(TopicPlan::topic).containsExactly(SOURCE, TRANSFORMED, TRANSFORMED_DLQ,
        PREDICTIONS, PREDICTIONS_DLQ, "persistent://ml/feedback/model-accuracy");
    assertThat(plan.topics()).extracting(t -> t.avroSchema() != null)
        .containsExactly(true, true, false, true, false, false);
    assertThat(plan.finalTopic()).isEqualTo(PREDICTIONS);
  }

  @Test
  void shouldAddEachStagesFieldsToThoseThatReachIt() {
    PipelinePlan plan = planner.plan(SensorSpecs.parse(SensorSpecs.SEED));

    List<FieldSpec> source = List.of(new FieldSpec("deviceId", FieldType.STRING, true),
        new FieldSpec("temp", FieldType.DOUBLE, true), new FieldSpec("ts", FieldType.LONG, true),
        new FieldSpec("site", FieldType.STRING, false));
    assertThat(plan.stage("transform").inputFields()).isEqualTo(source);
    assertThat(plan.stage("transform").outputFields()).containsExactlyElementsOf(concat(source,
        new FieldSpec("temp_scaled", FieldType.DOUBLE, true), new FieldSpec("alert", FieldType.BOOLEAN, true)));
    assertThat(plan.stage("score").inputFields()).isEqualTo(plan.stage("transform").outputFields());
    assertThat(plan.stage("score").outputFields()).containsExactlyElementsOf(concat(plan.stage("score").inputFields(),
        new FieldSpec("prediction", FieldType.STRING, true), new FieldSpec("probability", FieldType.DOUBLE, true),
        new FieldSpec("model", FieldType.STRING, true), new FieldSpec("model_version", FieldType.STRING, true)));
  }

  @Test
  void shouldDeclareComputedFieldsInOutputTopicSchema() throws Exception {
    PipelinePlan plan = planner.plan(SensorSpecs.parse(SensorSpecs.SEED));

    JsonNode schema = new ObjectMapper().readTree(plan.stage("transform").outputSchema());
    assertThat(schema.get("name").textValue()).isEqualTo("SensorTransformed");
    assertThat(schema.get("fields").findValuesAsText("name"))
        .containsExactly("deviceId", "temp", "ts", "site", "temp_scaled", "alert");
    assertThat(schema.get("fields").get(4).get("type").textValue()).isEqualTo("double");
    assertThat(schema.get("fields").get(5).get("type").textValue()).isEqualTo("boolean");
  }

  @Test
  void shouldLoadModelAsTheSpecDeclaresIt() {
    planner.plan(SensorSpecs.parse(SensorSpecs.SEED));

    assertThat(requested).singleElement().isEqualTo(new ModelDescriptor("sensor-warming", "3", "onnx",
        Path.of("/specs/model/sensor-warming.onnx"), List.of("temp_scaled", "alert"), null));
  }

  @Test
  void shouldPlanOnlyTheRequestedLeadingStages() {
    PipelinePlan plan = planner.plan(SensorSpecs.parse(SensorSpecs.SEED), 1);

    assertThat(plan.stages()).extracting(StagePlan::name).containsExactly("transform");
    assertThat(plan.finalTopic()).isEqualTo(TRANSFORMED);
    assertThat(requested).isEmpty();
  }

  @Test
  void shouldCloseModelsWhenPlanIsClosed() {
    PipelinePlan plan = planner.plan(SensorSpecs.parse(SensorSpecs.SEED));
    assertThat(loaded).singleElement().satisfies(m -> assertThat(m.closed()).isFalse());

    plan.close();

    assertThat(loaded).singleElement().satisfies(m -> assertThat(m.closed()).isTrue());
  }

  private static List<FieldSpec> concat(List<FieldSpec> head, FieldSpec... tail) {
    List<FieldSpec> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
