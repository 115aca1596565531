package dev.gyre.core.plan;

import dev.gyre.api.SpecProblem;
import dev.gyre.api.Stage;
import dev.gyre.core.enrich.ReferenceJoin;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.stage.FeatureStage;
import dev.gyre.core.stage.WindowFeatureStage;
import dev.gyre.core.window.InMemoryKeyedStateStore;
import dev.gyre.formula.Program;
import dev.gyre.spec.AggregateFunction;
import dev.gyre.spec.AggregateSpec;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import dev.gyre.spec.SpecLocations;
import dev.gyre.spec.WindowSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Plans the {@code windows} block of a features stage: checks the time field and each aggregate's
 * field against the fields that reach the stage, and types the aggregates for formulas (numbers)
 * and for the output schema ({@code long} for count, distinct and since_previous, else
 * {@code double}; optional where an aggregate can be missing).
 */
final class WindowStages {
  private static final Set<FieldType> NUMBERS = EnumSet.of(FieldType.INT, FieldType.LONG, FieldType.FLOAT,
      FieldType.DOUBLE);

  private WindowStages() {}

  /** The input fields plus the aggregates, as formulas and the output see them; reports problems. */
  static List<FieldSpec> visibleFields(WindowSpec windows, String path, List<FieldSpec> inputFields,
      SpecLocations where, List<SpecProblem> problems) {
    List<String> names = inputFields.stream().map(FieldSpec::name).toList();
    FieldSpec time = field(inputFields, windows.timeField());
    if (time == null) {
      problems.add(where.problem(path + ".windows.time", "names " + unknown(names, windows.timeField())));
    } else if (!NUMBERS.contains(time.type()) || !time.required()) {
      problems.add(where.problem(path + ".windows.time", "is " + (time.required() ? "a " : "an optional ")
          + time.type().yamlName() + " field; the event time must be a required number field (long or double)"));
    }
    List<FieldSpec> visible = new ArrayList<>(inputFields);
    List<AggregateSpec> aggregates = windows.aggregates();
    for (int i = 0; i < aggregates.size(); i++) {
      AggregateSpec a = aggregates.get(i);
      String at = path + ".windows.aggregates[" + i + "]";
      FieldSpec field = a.field() == null ? null : field(inputFields, a.field());
      if (a.field() != null && field == null) {
        problems.add(where.problem(at, "reads " + unknown(names, a.field())));
      } else if (field != null && a.function().argument() == AggregateFunction.Argument.NUMBER
          && !NUMBERS.contains(field.type())) {
        problems.add(where.problem(at, "applies " + a.function().yamlName() + " to '" + a.field() + "', a "
            + field.type().yamlName() + " field; " + a.function().yamlName()
            + " needs a number field (int, long, float, double); distinct counts any field"));
      }
      if (names.contains(a.name())) {
        problems.add(where.problem(at, "defines '" + a.name() + "', which is already a field of the events "
            + "reaching this stage; give the aggregate another name"));
      }
      boolean always = a.function() == AggregateFunction.COUNT || a.function() == AggregateFunction.SUM
          || a.function() == AggregateFunction.DISTINCT;
      visible.add(new FieldSpec(a.name(), a.function().integral() ? FieldType.LONG : FieldType.DOUBLE, always));
    }
    return visible;
  }

  /** Creates stage instances, each with its own in-memory state. */
  static Supplier<Stage> factory(WindowSpec windows, EventCodec codec, EventSchema schema, String keyField,
      Program program, List<ReferenceJoin> joins) {
    return () -> new WindowFeatureStage(codec, schema, keyField, windows, new InMemoryKeyedStateStore(),
        new FeatureStage(codec, schema, keyField, program), joins);
  }

  private static String unknown(List<String> names, String name) {
    return "'" + name + "', which is not a field that reaches this stage; fields available: "
        + String.join(", ", names);
  }

  private static FieldSpec field(List<FieldSpec> fields, String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }
}
