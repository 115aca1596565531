package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureLineInSpecTest {

  @Test
  void shouldReportEachBadFeatureLineAtItsOwnLine() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("      - y = x * 2\n", """
              - y = x * 2
              - y == x
              - = x
              - z =
              - y = x + 1
        """))).containsExactly(
        "stages[0].features[1] (line 13): was 'y == x' but it has no '='; write each feature as 'name = expression', "
            + "such as 'temp_scaled = (temp - 20) / 10'",
        "stages[0].features[2] (line 14): was '= x' but it has no name before '='; write 'name = expression'",
        "stages[0].features[3] (line 15): was 'z =' but it has nothing after '='; write the expression that computes 'z'",
        "stages[0].features[4] (line 16): was 'y = x + 1' but it defines 'y' again, after stages[0].features[0]; "
            + "give each feature its own name");
  }
}
