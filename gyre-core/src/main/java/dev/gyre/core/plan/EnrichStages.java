package dev.gyre.core.plan;

import dev.gyre.api.SpecProblem;
import dev.gyre.spec.EnrichSpec;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import dev.gyre.spec.SpecLocations;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Plans the {@code enrich} list of a features stage: checks each key field against the fields that
 * reach the stage, and that no added field takes the name of one of them. The added fields are
 * required in the output schema: a join that cannot fill one dead-letters the event.
 */
final class EnrichStages {
  private static final Set<FieldType> KEY_TYPES = EnumSet.of(FieldType.STRING, FieldType.INT, FieldType.LONG);

  private EnrichStages() {}

  /** The input fields plus the fields every entry adds, as windows, formulas and the output see them. */
  static List<FieldSpec> visibleFields(List<EnrichSpec> enrich, String path, List<FieldSpec> inputFields,
      SpecLocations where, List<SpecProblem> problems) {
    List<String> names = inputFields.stream().map(FieldSpec::name).toList();
    List<FieldSpec> visible = new ArrayList<>(inputFields);
    for (int i = 0; i < enrich.size(); i++) {
      EnrichSpec entry = enrich.get(i);
      String at = path + ".enrich[" + i + "]";
      FieldSpec key = inputFields.stream().filter(f -> f.name().equals(entry.key())).findFirst().orElse(null);
      if (key == null) {
        problems.add(where.problem(at + ".key", "names '" + entry.key() + "', which is not a field that reaches "
            + "this stage; fields available: " + String.join(", ", names)));
      } else if (!KEY_TYPES.contains(key.type())) {
        problems.add(where.problem(at + ".key", "is a " + key.type().yamlName() + " field; a table's key field "
            + "must be a string, int or long field"));
      }
      for (FieldSpec field : entry.fields()) {
        String name = entry.outputName(field);
        if (names.contains(name)) {
          problems.add(where.problem(at + ".fields." + field.name(), "adds '" + name + "', which is already a "
              + "field of the events reaching this stage; give the entry a prefix"));
        }
        visible.add(new FieldSpec(name, field.type(), true));
      }
    }
    return visible;
  }
}
