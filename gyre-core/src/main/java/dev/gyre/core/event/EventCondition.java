package dev.gyre.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.formula.Definition;
import dev.gyre.formula.EvaluationException;
import dev.gyre.formula.Frame;
import dev.gyre.formula.Program;
import dev.gyre.formula.ValueType;
import dev.gyre.spec.FieldSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A formula that decides whether an event passes, such as a webhook sink's {@code when}:
 *
 * <pre>{@code
 * EventCondition alerts = EventCondition.compile("alert && probability > 0.8", fields);
 * if (alerts.test(event)) { ... }
 * }</pre>
 *
 * <p>Not thread-safe: it reuses one evaluation frame; make one per thread.
 */
public final class EventCondition {
  private final Program program;
  private final Frame frame;
  private final String[] inputs;
  private final ValueType[] inputTypes;

  private EventCondition(Program program) {
    this.program = program;
    this.frame = program.newFrame();
    this.inputs = program.inputs().toArray(String[]::new);
    this.inputTypes = new ValueType[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      inputTypes[i] = program.inputType(i);
    }
  }

  /**
   * Compiles {@code formula} against {@code fields}.
   *
   * @throws dev.gyre.formula.FormulaException when the formula does not compile
   * @throws IllegalArgumentException when it compiles but does not give a boolean; the message
   *     follows "was '...' but it"
   */
  public static EventCondition compile(String formula, List<FieldSpec> fields) {
    Map<String, ValueType> types = new LinkedHashMap<>();
    for (FieldSpec field : fields) {
      types.put(field.name(), switch (field.type()) {
        case STRING -> ValueType.STRING;
        case BOOLEAN -> ValueType.BOOLEAN;
        case INT, LONG, FLOAT, DOUBLE -> ValueType.NUMBER;
      });
    }
    Program program = Program.compile(List.of(new Definition("when", formula)), types);
    if (program.outputType(0) != ValueType.BOOLEAN) {
      throw new IllegalArgumentException("gives a " + program.outputType(0).name().toLowerCase()
          + ", not a boolean; write a condition such as 'alert' or 'probability > 0.8'");
    }
    return new EventCondition(program);
  }

  /**
   * Whether {@code event} passes. Fields that are absent or null are missing to the formula.
   *
   * @throws Rejection with reason {@code formula-error} when the formula cannot be computed for
   *     this event, or {@code wrong-type} when a field it reads has another type than declared
   */
  public boolean test(ObjectNode event) {
    for (int slot = 0; slot < inputs.length; slot++) {
      JsonNode value = event.get(inputs[slot]);
      if (value == null || value.isNull()) {
        frame.setMissing(slot);
        continue;
      }
      boolean fits = switch (inputTypes[slot]) {
        case NUMBER -> value.isNumber();
        case BOOLEAN -> value.isBoolean();
        case STRING -> value.isTextual();
      };
      if (!fits) {
        throw new Rejection(Rejection.WRONG_TYPE, "the field '" + inputs[slot] + "' should be a "
            + inputTypes[slot].name().toLowerCase() + " but is " + value);
      }
      switch (inputTypes[slot]) {
        case NUMBER -> frame.setNumber(slot, value.doubleValue());
        case BOOLEAN -> frame.setBoolean(slot, value.booleanValue());
        case STRING -> frame.setString(slot, value.textValue());
        default -> throw new IllegalStateException("unhandled type " + inputTypes[slot]);
      }
    }
    try {
      program.evaluate(frame);
    } catch (EvaluationException e) {
      throw new Rejection(Rejection.FORMULA_ERROR, e.getMessage());
    }
    return frame.bool(0);
  }
}
