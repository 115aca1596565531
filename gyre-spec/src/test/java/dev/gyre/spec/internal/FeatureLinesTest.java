package dev.gyre.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gyre.spec.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureLinesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "temp_scaled = (temp - 20) / 10   | temp_scaled | (temp - 20) / 10",
      "alert = temp_scaled > 1.5        | alert       | temp_scaled > 1.5",
      "same = a == b                    | same        | a == b",
      "ok=a<=b                          | ok          | a<=b",
      "hot = temp >= 30 && temp != 99   | hot         | temp >= 30 && temp != 99",
      "x = y = z                        | x           | y = z"})
  void shouldSplitAtFirstAssignmentThatIsNotAComparison(String line, String name, String expression) {
    assertThat(FeatureLines.split(line)).isEqualTo(new FeatureSpec(name, expression));
  }

  @Test
  void shouldRejectLineWithOnlyComparisons() {
    assertThatIllegalArgumentException().isThrownBy(() -> FeatureLines.split("a == b"))
        .withMessage("has no '='; write each feature as 'name = expression', such as 'temp_scaled = (temp - 20) / 10'");
    assertThatIllegalArgumentException().isThrownBy(() -> FeatureLines.split("a <= b != c >= d"))
        .withMessageStartingWith("has no '='");
  }

  @Test
  void shouldRejectEmptySides() {
    assertThatIllegalArgumentException().isThrownBy(() -> FeatureLines.split(" = temp * 2"))
        .withMessage("has no name before '='; write 'name = expression'");
    assertThatIllegalArgumentException().isThrownBy(() -> FeatureLines.split("double_temp =  "))
        .withMessage("has nothing after '='; write the expression that computes 'double_temp'");
  }

  @Test
  void shouldRejectNameThatIsNotAnIdentifier() {
    assertThatIllegalArgumentException().isThrownBy(() -> FeatureLines.split("temp > 1 = 2"))
        .withMessage("names the feature 'temp > 1', which is not a valid feature name; use letters, digits and '_', "
            + "not starting with a digit, such as 'temp_scaled'");
  }

  @Test
  void shouldNotJudgeTheExpressionItself() {
    assertThat(FeatureLines.split("weird = ((( +")).isEqualTo(new FeatureSpec("weird", "((( +"));
  }
}
