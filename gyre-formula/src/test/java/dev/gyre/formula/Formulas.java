package dev.gyre.formula;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: compiles and evaluates formulas against a fixed set of sample fields. */
final class Formulas {
  /** Fields every test may use. */
  static final Map<String, ValueType> FIELDS = Map.of(
      "deviceId", ValueType.STRING,
      "temp", ValueType.NUMBER,
      "ts", ValueType.NUMBER,
      "delta", ValueType.NUMBER,
      "ok", ValueType.BOOLEAN);

  private Formulas() {}

  /** Evaluates one expression; fields not in {@code values} are missing. */
  static Object eval(String expression, Map<String, Object> values) {
    Program program = Program.compile(List.of(new Definition("x", expression)), FIELDS);
    Frame frame = program.newFrame();
    set(program, frame, values);
    program.evaluate(frame);
    return frame.value(0);
  }

  static Object eval(String expression) {
    return eval(expression, Map.of());
  }

  static double number(String expression, Map<String, Object> values) {
    return (Double) eval(expression, values);
  }

  static double number(String expression) {
    return number(expression, Map.of());
  }

  /** Sets every input slot of {@code program} from {@code values}; absent ones are missing. */
  static void set(Program program, Frame frame, Map<String, Object> values) {
    for (int slot = 0; slot < program.inputs().size(); slot++) {
      Object value = values.get(program.inputs().get(slot));
      if (value == null) {
        frame.setMissing(slot);
      } else if (value instanceof Number n) {
        frame.setNumber(slot, n.doubleValue());
      } else if (value instanceof Boolean b) {
        frame.setBoolean(slot, b);
      } else {
        frame.setString(slot, (String) value);
      }
    }
  }

  /** Definitions from alternating name, expression arguments. */
  static List<Definition> definitions(String... nameThenExpression) {
    List<Definition> definitions = new ArrayList<>();
    for (int i = 0; i < nameThenExpression.length; i += 2) {
      definitions.add(new Definition(nameThenExpression[i], nameThenExpression[i + 1]));
    }
    return definitions;
  }

  /** The exception from compiling the definitions, which must fail. */
  static FormulaException compileFailure(String... nameThenExpression) {
    FormulaException e = catchThrowableOfType(FormulaException.class,
        () -> Program.compile(definitions(nameThenExpression), FIELDS));
    if (e == null) {
      throw new AssertionError("expected a FormulaException");
    }
    return e;
  }

  /** The single error from compiling one expression, which must fail with exactly one error. */
  static FormulaError onlyError(String expression) {
    List<FormulaError> errors = compileFailure("x", expression).errors();
    if (errors.size() != 1) {
      throw new AssertionError("expected one error but got " + errors);
    }
    return errors.get(0);
  }

  /** The exception from evaluating one expression, which must fail. */
  static EvaluationException evalFailure(String expression, Map<String, Object> values) {
    EvaluationException e = catchThrowableOfType(EvaluationException.class,
        () -> eval(expression, values));
    if (e == null) {
      throw new AssertionError("expected an EvaluationException");
    }
    return e;
  }
}
