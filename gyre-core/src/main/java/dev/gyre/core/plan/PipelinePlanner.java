package dev.gyre.core.plan;

import dev.gyre.api.Model;
import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.core.enrich.ReferenceJoin;
import dev.gyre.core.enrich.ReferenceTables;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.stage.FeatureStage;
import dev.gyre.formula.Definition;
import dev.gyre.formula.FormulaError;
import dev.gyre.formula.FormulaException;
import dev.gyre.formula.Program;
import dev.gyre.spec.FeatureStageSpec;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import dev.gyre.spec.PipelineSpec;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLocations;
import dev.gyre.spec.StageSpec;
import dev.gyre.spec.TopicName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.gyre.core.serving.ModelRouter;
import java.util.regex.Pattern;

/**
 * Turns a loaded spec into a {@link PipelinePlan}: compiles each feature stage's formulas against
 * the fields that reach it, checks each model's inputs against them, loads models, and derives
 * every topic's schema; then checks the sinks against the fields that reach them ({@code when}
 * formulas, column names). Collects every problem before failing, as one {@link SpecException}.
 */
public final class PipelinePlanner {
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ModelLoader models;

  /** @param models loads the models of score stages ({@link ModelLoader#serviceLoader()} in production) */
  public PipelinePlanner(ModelLoader models) {
    this.models = models;
  }

  /** Plans the whole pipeline. */
  public PipelinePlan plan(SpecDocument document) {
    return plan(document, Integer.MAX_VALUE);
  }

  /**
   * Plans the first {@code stageCount} stages only, for example the feature stages that compute a
   * model's inputs when training it.
   */
  public PipelinePlan plan(SpecDocument document, int stageCount) {
    PipelineSpec spec = document.spec();
    SpecLocations where = document.locations();
    List<SpecProblem> problems = new ArrayList<>();
    List<TopicPlan> topics = new ArrayList<>();
    List<StagePlan> stages = new ArrayList<>();
    List<Model> loaded = new ArrayList<>();
    Map<String, ModelRouter> routers = new LinkedHashMap<>();
    List<FieldSpec> fields = spec.source().schema().fields();
    for (int i = 0; i < fields.size(); i++) {
      if (!FIELD_NAME.matcher(fields.get(i).name()).matches()) {
        problems.add(where.problem("source.schema.fields." + fields.get(i).name(),
            "is not a usable field name; use letters, digits and '_', not starting with a digit"));
      }
    }
    topics.add(new TopicPlan(spec.source().topic(), schemaOf(spec.source().topic(), fields)));
    EventCodec codec = new EventCodec(spec.source().schema().maxMessageBytes());
    String input = spec.source().topic();
    int count = Math.min(stageCount, spec.stages().size());
    ReferenceTables tables = referenceTables(spec.stages().subList(0, count));
    tables.topics().forEach(table -> topics.add(new TopicPlan(table, null, true)));
    for (int i = 0; i < count; i++) {
      StageSpec stage = spec.stages().get(i);
      String path = "stages[" + i + "]";
      List<FieldSpec> inputFields = fields;
      EventSchema schema = new EventSchema(inputFields);
      StageBuild build = stage instanceof FeatureStageSpec features
          ? features(features, path, inputFields, codec, schema, spec, where, problems, tables)
          : ScoreStages.build((ScoreStageSpec) stage, path, inputFields, codec, schema, spec, where, problems,
              models, loaded, routers);
      fields = build.outputFields();
      String outputSchema = schemaOf(stage.output(), fields);
      topics.add(new TopicPlan(stage.output(), outputSchema));
      topics.add(new TopicPlan(stage.deadLetterTopic(), null));
      if (stage instanceof FeatureStageSpec f && f.windows() != null && f.windows().lateTopic() != null) {
        topics.add(new TopicPlan(f.windows().lateTopic(), null));
      }
      if (stage instanceof FeatureStageSpec f && f.windows() != null) {
        topics.add(new TopicPlan(PipelinePlan.stateTopic(stage.output()), null, true));
      }
      if (build.factory() == null) {
        input = stage.output();
        continue;
      }
      stages.add(new StagePlan(stage.name(), input, stage.output(), stage.deadLetterTopic(), inputFields, fields,
          outputSchema, stage.parallelism(), stage.onError(), build.factory()));
      input = stage.output();
    }
    if (spec.feedback() != null) {
      topics.add(new TopicPlan(spec.feedback().topic(), null));
    }
    if (!problems.isEmpty()) {
      loaded.forEach(Model::close);
      throw new SpecException(problems);
    }
    PipelinePlan plan = new PipelinePlan(spec, topics, stages, loaded, routers, tables);
    if (count == spec.stages().size()) {
      SinkChecks.check(plan, where, problems);
    }
    if (!problems.isEmpty()) {
      plan.close();
      throw new SpecException(problems);
    }
    return plan;
  }

  private static StageBuild features(FeatureStageSpec stage, String path, List<FieldSpec> inputFields,
      EventCodec codec, EventSchema schema, PipelineSpec spec, SpecLocations where, List<SpecProblem> problems,
      ReferenceTables tables) {
    List<Definition> definitions = stage.features().stream()
        .map(f -> new Definition(f.name(), f.expression())).toList();
    List<FieldSpec> joined = EnrichStages.visibleFields(stage.enrich(), path, inputFields, where, problems);
    List<FieldSpec> visible = stage.windows() == null ? joined
        : WindowStages.visibleFields(stage.windows(), path, joined, where, problems);
    Program program;
    try {
      program = Program.compile(definitions, FieldTypes.formulaTypes(visible));
    } catch (FormulaException e) {
      for (FormulaError error : e.errors()) {
        problems.add(where.problem(path + ".features[" + error.definition() + "]",
            error.message() + " (column " + error.column() + " of the expression)"));
      }
      // Go on with the feature names (typed as numbers, the common case), so that later stages
      // are checked too and every problem is reported in one round.
      List<FieldSpec> guessed = new ArrayList<>(visible);
      stage.features().forEach(f -> guessed.add(new FieldSpec(f.name(), FieldType.DOUBLE, true)));
      return new StageBuild(guessed, null);
    }
    List<FieldSpec> out = new ArrayList<>(visible);
    for (int i = 0; i < program.outputs().size(); i++) {
      out.add(new FieldSpec(program.outputs().get(i), FieldTypes.fieldType(program.outputType(i)), true));
    }
    String keyField = spec.keyField();
    List<ReferenceJoin> joins = ReferenceJoin.of(stage.enrich(), tables);
    return new StageBuild(out, stage.windows() != null
        ? WindowStages.factory(stage.windows(), codec, schema, keyField, program, joins)
        : () -> new FeatureStage(codec, schema, keyField, program, joins));
  }

  /** One table per topic that an {@code enrich} entry of the planned stages reads. */
  private static ReferenceTables referenceTables(List<StageSpec> stages) {
    List<String> topics = new ArrayList<>();
    for (StageSpec stage : stages) {
      if (stage instanceof FeatureStageSpec features) {
        features.enrich().forEach(e -> topics.add(e.table()));
      }
    }
    return topics.isEmpty() ? ReferenceTables.none() : new ReferenceTables(topics);
  }

  private static String schemaOf(String topic, List<FieldSpec> fields) {
    return AvroRecordSchema.of(TopicName.parse(topic).local(), fields);
  }

  /** What planning one stage produced; no factory when the stage has problems. */
  record StageBuild(List<FieldSpec> outputFields, java.util.function.Supplier<dev.gyre.api.Stage> factory) {}
}
