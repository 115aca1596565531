package dev.gyre.formula;

import static dev.gyre.formula.Formulas.eval;
import static dev.gyre.formula.Formulas.number;
import static dev.gyre.formula.Formulas.onlyError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every built-in function, and the compile errors for calling one wrongly. */
class FunctionTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "abs(-2.5)            | 2.5",
      "sqrt(16)             | 4",
      "exp(0)               | 1",
      "log(exp(2))          | 2",
      "log10(1000)          | 3",
      "pow(2, 10)           | 1024",
      "pow(4, 0.5)          | 2",
      "min(3, 1, 2)         | 1",
      "max(3, 1, 2)         | 3",
      "min(5, -5)           | -5",
      "floor(-1.5)          | -2",
      "ceil(1.2)            | 2",
      "round(2.5)           | 3",
      "round(-2.5)          | -3",
      "round(1.4)           | 1",
      "round(-0.4)          | 0",
      "clamp(5, 0, 3)       | 3",
      "clamp(-1, 0, 3)      | 0",
      "clamp(2, 0, 3)       | 2",
      "sin(0)               | 0",
      "cos(0)               | 1",
      "tan(0)               | 0",
      "if(true, 1, 2)       | 1",
      "if(1 > 2, 1, 2)      | 2",
      "len('héllo')         | 5",
      "len('')              | 0"})
  void shouldComputeEveryFunction(String expression, double expected) {
    assertThat(number(expression)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void shouldChooseStringsWithIf() {
    assertThat(eval("if(temp > 30, 'hot', 'cold')", Map.of("temp", 31))).isEqualTo("hot");
  }

  @Test
  void shouldCoalesceMissingInputToFallback() {
    assertThat(number("coalesce(temp, 20)", Map.of())).isEqualTo(20);
    assertThat(number("coalesce(temp, 20)", Map.of("temp", 37))).isEqualTo(37);
    assertThat(eval("coalesce(deviceId, 'unknown')", Map.of())).isEqualTo("unknown");
  }

  @Test
  void shouldTellWhetherInputIsMissing() {
    assertThat(eval("is_missing(temp)", Map.of())).isEqualTo(true);
    assertThat(eval("is_missing(temp)", Map.of("temp", 1))).isEqualTo(false);
  }

  @Test
  void shouldCountCodePointsNotUtf16Units() {
    assertThat(number("len(deviceId)", Map.of("deviceId", "a\uD83D\uDE00b"))).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "pow(2)              | 1 | calls 'pow' with 1 argument; it takes 2: pow(x, y)",
      "sqrt(1, 2)          | 1 | calls 'sqrt' with 2 arguments; it takes 1: sqrt(x)",
      "min(1)              | 1 | calls 'min' with 1 argument; it takes at least 2: min(a, b, ...)",
      "coalesce(temp)      | 1 | calls 'coalesce' with 1 argument; it takes 2: coalesce(a, b)",
      "sqrt('x')           | 6 | passes a STRING (''x'') as argument 1 of 'sqrt', which needs a NUMBER",
      "len(5)              | 5 | passes a NUMBER ('5') as argument 1 of 'len', which needs a STRING",
      "max(1, ok)          | 8 | passes a BOOLEAN ('ok') as argument 2 of 'max', which needs a NUMBER",
      "if(1, 2, 3)         | 4 | uses a NUMBER ('1') as the condition of 'if'; the condition needs a BOOLEAN",
      "if(ok, 1, 'a')      | 1 | gives a NUMBER ('1') if true but a STRING (''a'') if false; both branches of 'if' need the same type",
      "coalesce(temp, 'x') | 1 | gives a NUMBER ('temp') or else a STRING (''x''); both arguments of 'coalesce' need the same type",
      "sqrt                | 1 | uses the function 'sqrt' without calling it; write sqrt(x)"})
  void shouldRejectWrongArityAndTypes(String expression, int column, String message) {
    FormulaError error = onlyError(expression);
    assertThat(error.column()).isEqualTo(column);
    assertThat(error.message()).startsWith(message);
  }

  @Test
  void shouldRejectUnknownFunctionListingTheKnownOnes() {
    FormulaError error = onlyError("1 + median(temp, 2)");
    assertThat(error.column()).isEqualTo(5);
    assertThat(error.message()).isEqualTo("calls 'median', which is not a function; the functions"
        + " are: abs, ceil, clamp, coalesce, cos, exp, floor, if, is_missing, len, log, log10, max,"
        + " min, pow, round, sin, sqrt, tan");
  }
}
