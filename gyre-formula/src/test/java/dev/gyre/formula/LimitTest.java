package dev.gyre.formula;

import static dev.gyre.formula.Formulas.number;
import static dev.gyre.formula.Formulas.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Safety limits: expression length and nesting depth, both checked at compile time. */
class LimitTest {

  private static String nested(String open, String inner, String close, int depth) {
    return open.repeat(depth) + inner + close.repeat(depth);
  }

  @Test
  void shouldRejectTenThousandParenthesesWithoutStackOverflow() {
    FormulaError error = onlyError(nested("(", "1", ")", 10_000));
    assertThat(error.column()).isEqualTo(4097);
    assertThat(error.message()).isEqualTo("is 20001 characters long, over the limit of 4096;"
        + " split it into several features");
  }

  @Test
  void shouldAcceptSixtyFourNestedParentheses() {
    assertThat(number(nested("(", "1", ")", 64))).isEqualTo(1);
  }

  @Test
  void shouldRejectSixtyFiveNestedParenthesesAtTheOneTooMany() {
    FormulaError error = onlyError(nested("(", "1", ")", 65));
    assertThat(error.column()).isEqualTo(65);
    assertThat(error.message()).isEqualTo("nests deeper than 64 levels; split it into several"
        + " features");
  }

  @Test
  void shouldRejectDeepNestingWithinLengthLimit() {
    assertThat(onlyError(nested("(", "1", ")", 2000)).column()).isEqualTo(65);
    assertThat(onlyError(nested("abs(", "1", ")", 500)).column()).isEqualTo(4 * 64 + 4);
  }

  @Test
  void shouldCountUnaryOperatorsAndTernaryBranchesAsNesting() {
    assertThat(number("-".repeat(64) + "1")).isEqualTo(1);
    assertThat(onlyError("-".repeat(65) + "1").message()).startsWith("nests deeper than 64");
    assertThat(onlyError("not ".repeat(65) + "true").message()).startsWith("nests deeper");
    assertThat(onlyError("!".repeat(3000) + "true").column()).isEqualTo(65);
    assertThat(onlyError("true ? 1 : ".repeat(65) + "0").message()).startsWith("nests deeper");
  }

  @Test
  void shouldAcceptExpressionOfExactlyMaximumLength() {
    String expression = "1" + "+1".repeat(2047) + " ";
    assertThat(expression).hasSize(4096);
    assertThat(number(expression)).isEqualTo(2048);
  }

  @Test
  void shouldRejectExpressionOneCharacterTooLong() {
    String expression = "1" + "+1".repeat(2048);
    assertThat(expression).hasSize(4097);
    assertThat(onlyError(expression).column()).isEqualTo(4097);
  }
}
