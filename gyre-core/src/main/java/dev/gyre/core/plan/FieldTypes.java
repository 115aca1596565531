package dev.gyre.core.plan;

import dev.gyre.formula.ValueType;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps between the spec's field types and the formula language's value types. */
final class FieldTypes {
  private FieldTypes() {}

  static Map<String, ValueType> formulaTypes(List<FieldSpec> fields) {
    Map<String, ValueType> types = new LinkedHashMap<>();
    for (FieldSpec field : fields) {
      types.put(field.name(), switch (field.type()) {
        case STRING -> ValueType.STRING;
        case BOOLEAN -> ValueType.BOOLEAN;
        case INT, LONG, FLOAT, DOUBLE -> ValueType.NUMBER;
      });
    }
    return types;
  }

  static FieldType fieldType(ValueType type) {
    return switch (type) {
      case NUMBER -> FieldType.DOUBLE;
      case BOOLEAN -> FieldType.BOOLEAN;
      case STRING -> FieldType.STRING;
    };
  }
}
