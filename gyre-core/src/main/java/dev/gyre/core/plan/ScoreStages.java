package dev.gyre.core.plan;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.SpecProblem;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.serving.ModelRouter;
import dev.gyre.core.stage.ScoreStage;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import dev.gyre.spec.ModelSpec;
import dev.gyre.spec.PipelineSpec;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.SpecLocations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plans a score stage: checks model inputs against the fields that reach it and loads the model. */
final class ScoreStages {
  private ScoreStages() {}

  static PipelinePlanner.StageBuild build(ScoreStageSpec stage, String path, List<FieldSpec> inputFields,
      EventCodec codec, EventSchema schema, PipelineSpec spec, SpecLocations where, List<SpecProblem> problems,
      ModelLoader loader, List<Model> loaded, Map<String, ModelRouter> routers) {
    ModelSpec modelSpec = stage.model();
    Map<String, FieldSpec> byName = inputFields.stream()
        .collect(Collectors.toMap(FieldSpec::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    int before = problems.size();
    for (int k = 0; k < modelSpec.inputs().size(); k++) {
      String input = modelSpec.inputs().get(k);
      FieldSpec field = byName.get(input);
      if (field == null) {
        problems.add(where.problem(path + ".model.inputs[" + k + "]", "is not a field that reaches stage '"
            + stage.name() + "'; fields available: " + String.join(", ", byName.keySet())));
      } else if (field.type() == FieldType.STRING) {
        problems.add(where.problem(path + ".model.inputs[" + k + "]", "is a string field; model inputs must be"
            + " numbers or booleans (compute a numeric feature from it in a features stage)"));
      }
    }
    for (String added : ScoreStage.OUTPUT_FIELDS) {
      if (byName.containsKey(added)) {
        problems.add(where.problem(path, "would overwrite the field '" + added + "' that reaches it;"
            + " rename that field"));
      }
    }
    Model model = null;
    if (problems.size() == before) {
      try {
        model = loader.load(descriptor(modelSpec));
        loaded.add(model);
      } catch (ModelException e) {
        problems.add(where.problem(path + (modelSpec.isRemote() ? ".model.url" : ".model.path"),
            "cannot be served: " + e.getMessage()));
      }
    }
    List<FieldSpec> out = new ArrayList<>(inputFields);
    out.add(new FieldSpec("prediction", FieldType.STRING, true));
    out.add(new FieldSpec("probability", FieldType.DOUBLE, true));
    out.add(new FieldSpec("model", FieldType.STRING, true));
    out.add(new FieldSpec("model_version", FieldType.STRING, true));
    if (model == null) {
      return new PipelinePlanner.StageBuild(out, null);
    }
    ModelRouter router = new ModelRouter(model);
    routers.put(stage.name(), router);
    String keyField = spec.keyField();
    return new PipelinePlanner.StageBuild(out,
        () -> new ScoreStage(codec, schema, keyField, router, modelSpec.missing()));
  }

  /** A file model's descriptor, or a remote model's with its url and {@code remote} settings as options. */
  static ModelDescriptor descriptor(ModelSpec m) {
    return m.isRemote()
        ? ModelDescriptor.remote(m.name(), m.version(), m.format(), m.url(), m.inputs(), m.remote().options())
        : new ModelDescriptor(m.name(), m.version(), m.format(), m.path(), m.inputs(), Map.of());
  }
}
