package dev.gyre.formula;

import static dev.gyre.formula.Formulas.compileFailure;
import static dev.gyre.formula.Formulas.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Syntax, name and type errors: each with its column and a message that follows "but it". */
class CompileErrorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "temp_scaled >       | 13 | ends after '>'; add what should follow it",
      "temp >              | 6  | ends after '>'; add what should follow it",
      "temp 20             | 6  | has '20' after a complete expression; join them with an operator or remove it",
      "(temp - 20 / 10     | 1  | has '(' that is never closed; add ')'",
      "temp - 20) / 10     | 10 | has ')' without a matching '('",
      "temp = 20           | 6  | uses '=', which does not compare; write '==' to test equality",
      "temp > 1 & ok       | 10 | uses '&'; write 'and' or '&&'",
      "temp * * 2          | 8  | has '*' after '*' where a value was expected",
      "temp # 2            | 6  | has '#', which is not part of the formula language",
      "1. + temp           | 1  | has '1.', a number without digits after the point",
      "2e + temp           | 1  | has '2e', a number without digits in its exponent",
      "1e999               | 1  | has '1e999', a number too large for a double",
      "'open + temp        | 1  | has a string that is never closed",
      "'a\\tb'             | 3  | has the unknown escape '\\t' in a string",
      "ok ? 1              | 4  | has '?' without ':'",
      "1 < temp < 3        | 10 | chains comparisons with '<'",
      "                    | 1  | is empty; write an expression such as temp * 2",
      "max(1, 2            | 4  | has '(' that is never closed",
      ".5 * temp           | 1  | has '.' without a digit before it"})
  void shouldReportSyntaxErrorAtItsColumn(String expression, int column, String message) {
    FormulaError error = onlyError(expression == null ? "" : expression);
    assertThat(error.column()).isEqualTo(column);
    assertThat(error.message()).startsWith(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "deviceId - 1        | 10 | applies '-' to a STRING ('deviceId'); '-' needs numbers",
      "-deviceId           | 1  | applies '-' to a STRING ('deviceId'); '-' needs numbers",
      "temp + deviceId     | 6  | applies '+' to a NUMBER ('temp') and a STRING ('deviceId'); '+' needs two numbers or two strings",
      "temp and ok         | 6  | applies 'and' to a NUMBER ('temp'); 'and' needs booleans",
      "not temp            | 1  | applies 'not' to a NUMBER ('temp'); 'not' needs booleans",
      "ok > true           | 4  | applies '>' to a BOOLEAN ('ok'); '>' needs numbers or strings",
      "temp == deviceId    | 6  | compares a NUMBER ('temp') with a STRING ('deviceId') using '=='; both sides need the same type",
      "temp ? 1 : 2        | 1  | uses a NUMBER ('temp') as the condition of '?'; the condition needs a BOOLEAN, such as x > 0",
      "ok ? 1 : 'one'      | 4  | gives a NUMBER ('1') if true but a STRING (''one'') if false; both branches of '?' need the same type"})
  void shouldReportTypeErrorAtItsColumn(String expression, int column, String message) {
    FormulaError error = onlyError(expression);
    assertThat(error.column()).isEqualTo(column);
    assertThat(error.message()).isEqualTo(message);
  }

  @Test
  void shouldListFieldsWhenNameIsUnknown() {
    FormulaError error = Formulas.compileFailure("x", "(tmp - 20) / 10").errors().get(0);
    assertThat(error.column()).isEqualTo(2);
    assertThat(error.message()).isEqualTo("uses 'tmp', which is neither a field nor an earlier"
        + " feature; fields are: delta, deviceId, ok, temp, ts; did you mean 'temp'?");
  }

  @Test
  void shouldListEarlierFeaturesWhenNameIsUnknown() {
    FormulaException e = compileFailure("scaled", "temp / 10", "alert", "scaledd > 1");
    assertThat(e.errors()).containsExactly(new FormulaError(1, 1, "uses 'scaledd', which is"
        + " neither a field nor an earlier feature; fields are: delta, deviceId, ok, temp, ts;"
        + " earlier features are: scaled; did you mean 'scaled'?"));
  }

  @Test
  void shouldRejectReferenceToLaterOrOwnDefinition() {
    FormulaException e = compileFailure("a", "b + 1", "b", "b * 2");
    assertThat(e.errors()).extracting(FormulaError::message).containsExactly(
        "uses 'b', which is defined after this feature; a feature can use only fields and"
            + " earlier features",
        "uses its own name 'b'; a feature can use only fields and earlier features");
  }

  @Test
  void shouldRejectBadDefinitionNamesAtColumnZero() {
    FormulaException e = compileFailure("temp scaled", "1", "1x", "2", "and", "3", "temp", "4",
        "y", "5", "y", "6");
    assertThat(e.errors()).extracting(FormulaError::definition, FormulaError::column)
        .containsExactly(Tuple.tuple(0, 0),
            Tuple.tuple(1, 0), Tuple.tuple(2, 0),
            Tuple.tuple(3, 0), Tuple.tuple(5, 0));
    assertThat(e.errors()).extracting(FormulaError::message).containsExactly(
        "is named 'temp scaled', which is not an identifier; use letters, digits and '_', not"
            + " starting with a digit",
        "is named '1x', which is not an identifier; use letters, digits and '_', not starting"
            + " with a digit",
        "is named 'and', a reserved word; choose another name",
        "is named 'temp', which is already a field; choose a name that is not a field",
        "is named 'y' like definitions[4]; give each feature its own name");
  }

  @Test
  void shouldCollectAllErrorsOfAllDefinitionsInOneException() {
    FormulaException e = compileFailure(
        "temp_scaled", "(temp - 20 / 10",
        "alert", "temp_scaled >",
        "fine", "temp * 2",
        "label", "deviceId - tmp + foo(1)");
    assertThat(e.errors()).extracting(FormulaError::definition).containsExactly(0, 1, 3, 3);
    assertThat(e.retriable()).isFalse();
    assertThat(e.getMessage()).startsWith("4 errors in formulas:\n"
        + "  - definitions[0] 'temp_scaled', column 1: was '(temp - 20 / 10' but it has '('"
        + " that is never closed; add ')'\n"
        + "  - definitions[1] 'alert', column 13: was 'temp_scaled >' but it ends after '>'");
  }

  @Test
  void shouldNotCascadeErrorsFromFailedDefinitionIntoLaterOnes() {
    FormulaException e = compileFailure("a", "tmp + 1", "b", "a * 2", "c", "a + b");
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).definition()).isZero();
  }

  @Test
  void shouldReportSeveralErrorsInOneDefinitionInColumnOrder() {
    FormulaException e = compileFailure("x", "sqrt('a') + len(3) + nope");
    assertThat(e.errors()).extracting(FormulaError::column).containsExactly(6, 17, 22);
  }
}
