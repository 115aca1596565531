package dev.gyre.formula;

import static dev.gyre.formula.Formulas.eval;
import static dev.gyre.formula.Formulas.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operators, their precedence and associativity, and literals. */
class OperatorTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "10 - 4 - 3       | 3",
      "24 / 4 / 2       | 3",
      "2 * 3 + 4        | 10",
      "2 + 3 * 4        | 14",
      "(2 + 3) * 4      | 20",
      "-2 * -3          | 6",
      "2 - -2           | 4",
      "--2              | 2",
      "-(1 + 2)         | -3",
      "7 % 3            | 1",
      "-7 % 3           | -1",
      "7.5 % 2          | 1.5",
      "1 + 2 * 3 % 4    | 3",
      "1e-3 * 1000      | 1",
      "1.5E2            | 150",
      "17 / 10          | 1.7"})
  void shouldFollowArithmeticPrecedenceAndLeftAssociativity(String expression, double expected) {
    assertThat(number(expression)).isCloseTo(expected, within(1e-12));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "true ? 1 : false ? 2 : 3     | 1",
      "false ? 1 : true ? 2 : 3     | 2",
      "false ? 1 : false ? 2 : 3    | 3",
      "true ? false ? 1 : 2 : 3     | 2",
      "1 < 2 ? 10 : 20              | 10",
      "true or false ? 1 : 2        | 1"})
  void shouldMakeTernaryRightAssociativeAndLowestPrecedence(String expression, double expected) {
    assertThat(number(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
      "true or false and false   => true",
      "(true or false) and false => false",
      "not true or true          => true",
      "not 1 > 2                 => true",
      "!false && true || false   => true",
      "not not true              => true",
      "1 < 2 == true             => true",
      "1 + 1 == 2                => true",
      "1 <= 1                    => true",
      "2 >= 3                    => false",
      "1 != 2                    => true",
      "2 > 1                     => true",
      "true != false             => true",
      "false == false            => true",
      "'abc' < 'abd'             => true",
      "'b' >= 'a'                => true",
      "'a' > 'b'                 => false",
      "'a' <= 'a'                => true"})
  void shouldEvaluateBooleanOperatorsAndComparisons(String expression, boolean expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  @Test
  void shouldConcatenateAndCompareStrings() {
    assertThat(eval("'dev' + \"-\" + 'one'")).isEqualTo("dev-one");
    assertThat(eval("deviceId == 'dev-1'", Map.of("deviceId", "dev-1"))).isEqualTo(true);
    assertThat(eval("deviceId != 'dev-1'", Map.of("deviceId", "dev-2"))).isEqualTo(true);
    assertThat(eval("'a' + 'b' == 'ab'")).isEqualTo(true);
  }

  @Test
  void shouldUnescapeStringLiterals() {
    assertThat(eval("'it\\'s'")).isEqualTo("it's");
    assertThat(eval("\"say \\\"hi\\\"\"")).isEqualTo("say \"hi\"");
    assertThat(eval("'a\\\\b\\nc'")).isEqualTo("a\\b\nc");
    assertThat(eval("\"it's\"")).isEqualTo("it's");
  }

  @Test
  void shouldReadBooleanInputs() {
    assertThat(eval("ok and temp > 1", Map.of("ok", true, "temp", 2))).isEqualTo(true);
    assertThat(eval("ok == false", Map.of("ok", false))).isEqualTo(true);
  }

  @Test
  void shouldIgnoreWhitespaceIncludingNewlines() {
    assertThat(number(" \t(1 +\n 2)\r\n* 3 ")).isEqualTo(9);
  }
}
