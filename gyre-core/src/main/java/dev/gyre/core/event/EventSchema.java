package dev.gyre.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import java.util.List;

/**
 * Checks an event against declared fields: each required field is present and not null, and each
 * present field has its declared type. Numbers must be finite; integer types accept only integral
 * values in range. Undeclared fields are left alone. Immutable and thread-safe.
 */
public final class EventSchema {
  private final FieldSpec[] fields;

  public EventSchema(List<FieldSpec> fields) {
    this.fields = fields.toArray(FieldSpec[]::new);
  }

  /** Throws a {@link Rejection} naming the first field that does not fit. */
  public void check(ObjectNode event) {
    for (FieldSpec field : fields) {
      JsonNode value = event.get(field.name());
      if (value == null || value.isNull()) {
        if (field.required()) {
          throw new Rejection(Rejection.MISSING_FIELD, "the required field '" + field.name() + "' is "
              + (value == null ? "missing" : "null"));
        }
        continue;
      }
      checkType(field, value);
    }
  }

  /**
   * Checks one present, non-null value against a field's type, as {@link #check} does.
   *
   * @throws Rejection ({@code wrong-type} or {@code not-finite}) naming the field when it does not fit
   */
  public static void checkValue(FieldSpec field, JsonNode value) {
    checkType(field, value);
  }

  private static void checkType(FieldSpec field, JsonNode value) {
    FieldType type = field.type();
    switch (type) {
      case STRING -> require(value.isTextual(), field, value);
      case BOOLEAN -> require(value.isBoolean(), field, value);
      case FLOAT, DOUBLE -> {
        require(value.isNumber(), field, value);
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
          throw new Rejection(Rejection.NOT_FINITE, "the field '" + field.name() + "' is " + d
              + "; numbers must be finite");
        }
      }
      case INT, LONG -> {
        require(value.isNumber(), field, value);
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
          throw new Rejection(Rejection.NOT_FINITE, "the field '" + field.name() + "' is " + d
              + "; numbers must be finite");
        }
        boolean integral = value.isIntegralNumber() ? value.canConvertToLong() : d == Math.rint(d);
        boolean fits = type == FieldType.LONG
            ? integral && (value.isIntegralNumber() || (d >= -0x1p63 && d < 0x1p63))
            : integral && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE;
        require(fits, field, value);
      }
      default -> throw new IllegalStateException("unhandled field type " + type);
    }
  }

  private static void require(boolean ok, FieldSpec field, JsonNode value) {
    if (!ok) {
      String shown = value.toString();
      if (shown.length() > 60) {
        shown = shown.substring(0, 57) + "...";
      }
      throw new Rejection(Rejection.WRONG_TYPE, "the field '" + field.name() + "' should be a "
          + field.type().yamlName() + " but is " + shown);
    }
  }
}
