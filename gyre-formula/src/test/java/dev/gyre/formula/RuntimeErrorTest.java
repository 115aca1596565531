package dev.gyre.formula;

import static dev.gyre.formula.Formulas.eval;
import static dev.gyre.formula.Formulas.evalFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Failures while evaluating one event, and the short-circuits that avoid them. */
class RuntimeErrorTest {
  private static final Map<String, Object> ZERO_DELTA = Map.of("temp", 30, "delta", 0);

  @Test
  void shouldNameDefinitionAndExpressionOnDivisionByZero() {
    Program program = Program.compile(List.of(new Definition("temp_ratio", "temp / delta")),
        Formulas.FIELDS);
    Frame frame = program.newFrame();
    Formulas.set(program, frame, ZERO_DELTA);
    assertThatThrownBy(() -> program.evaluate(frame))
        .isInstanceOfSatisfying(EvaluationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("temp_ratio: division by zero in 'temp / delta'");
          assertThat(e.definition()).isEqualTo("temp_ratio");
          assertThat(e.retriable()).isFalse();
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "temp % delta          | x: division by zero in 'temp % delta'",
      "sqrt(0 - temp)        | x: NaN (not a number) in 'sqrt(0 - temp)'",
      "log(delta)            | x: infinite number in 'log(delta)'",
      "log10(delta) + 1      | x: infinite number in 'log10(delta)'",
      "pow(delta, -1)        | x: infinite number in 'pow(delta, -1)'",
      "exp(temp * 100)       | x: infinite number in 'exp(temp * 100)'",
      "1e308 * temp          | x: infinite number in '1e308 * temp'",
      "clamp(temp, 5, 1)     | x: clamp bounds reversed (lo 5 > hi 1) in 'clamp(temp, 5, 1)'",
      "ts + 1                | x: uses 'ts', which is missing in this event"})
  void shouldFailEventWithReason(String expression, String message) {
    assertThat(evalFailure(expression, ZERO_DELTA).getMessage()).startsWith(message);
  }

  @Test
  void shouldFailOnNonFiniteFunctionResultEvenInsideBooleans() {
    assertThat(evalFailure("sqrt(0 - temp) > 0", ZERO_DELTA).getMessage())
        .isEqualTo("x: NaN (not a number) in 'sqrt(0 - temp)'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "delta != 0 and temp / delta > 1     | false",
      "delta == 0 or temp / delta > 1      | true",
      "delta == 0 ? 0 : temp / delta       | 0.0",
      "delta != 0 ? temp / delta : 0       | 0.0",
      "if(delta == 0, -1, temp % delta)    | -1.0",
      "if(delta != 0, sqrt(0 - temp), 1)   | 1.0",
      "is_missing(ts) or ts > 1            | true",
      "not is_missing(ts) and ts > 1       | false"})
  void shouldSkipTheBranchNotTaken(String expression, String expected) {
    assertThat(String.valueOf(eval(expression, ZERO_DELTA))).isEqualTo(expected);
  }

  @Test
  void shouldNotHideDivisionByZeroInsideCoalesce() {
    assertThat(evalFailure("coalesce(temp / delta, 0)", ZERO_DELTA).getMessage())
        .isEqualTo("x: division by zero in 'temp / delta'");
  }

  @Test
  void shouldKeepFrameUsableAfterFailedEvent() {
    Program program = Program.compile(Formulas.definitions(
        "ratio", "temp / delta", "big", "ratio > 1"), Formulas.FIELDS);
    Frame frame = program.newFrame();
    Formulas.set(program, frame, ZERO_DELTA);
    assertThatThrownBy(() -> program.evaluate(frame))
        .isInstanceOf(EvaluationException.class).hasMessageStartingWith("ratio:");
    Formulas.set(program, frame, Map.of("temp", 30, "delta", 10));
    program.evaluate(frame);
    assertThat(frame.number(0)).isEqualTo(3);
    assertThat(frame.bool(1)).isTrue();
  }

  @Test
  void shouldNameTheFailingDefinitionNotTheFirst() {
    Program program = Program.compile(Formulas.definitions(
        "scaled", "temp / 10", "ratio", "scaled / delta"), Formulas.FIELDS);
    Frame frame = program.newFrame();
    Formulas.set(program, frame, ZERO_DELTA);
    assertThatThrownBy(() -> program.evaluate(frame))
        .isInstanceOfSatisfying(EvaluationException.class,
            e -> assertThat(e.definition()).isEqualTo("ratio"));
  }
}
