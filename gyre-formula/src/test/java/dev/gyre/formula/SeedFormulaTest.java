package dev.gyre.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The formulas of the seed pipeline: {@code temp_scaled = (temp - 20) / 10}, then an alert. */
class SeedFormulaTest {
  private final Program program = Program.compile(List.of(
      new Definition("temp_scaled", "(temp - 20) / 10"),
      new Definition("alert", "temp_scaled > 1.5")), Formulas.FIELDS);

  private Frame evaluate(double temp) {
    Frame frame = program.newFrame();
    frame.setNumber(0, temp);
    program.evaluate(frame);
    return frame;
  }

  @Test
  void shouldNotTruncateWhenTemperatureArrivesAsInteger() {
    int temp = 37;
    assertThat(evaluate(temp).number(0)).isCloseTo(1.7, within(1e-12));
  }

  @Test
  void shouldScaleDecimalTemperature() {
    assertThat(evaluate(37.4).number(0)).isCloseTo(1.74, within(1e-12));
  }

  @Test
  void shouldRaiseAlertOnlyAboveThreshold() {
    assertThat(evaluate(37.4).bool(1)).isTrue();
    assertThat(evaluate(35).bool(1)).isFalse();
    assertThat(evaluate(37).bool(1)).isTrue();
  }

  @Test
  void shouldDescribeInputsAndOutputs() {
    assertThat(program.inputs()).containsExactly("temp");
    assertThat(program.inputType(0)).isEqualTo(ValueType.NUMBER);
    assertThat(program.outputs()).containsExactly("temp_scaled", "alert");
    assertThat(program.outputType(0)).isEqualTo(ValueType.NUMBER);
    assertThat(program.outputType(1)).isEqualTo(ValueType.BOOLEAN);
  }

  @Test
  void shouldReuseOneFrameForManyEvents() {
    Frame frame = program.newFrame();
    for (double temp : new double[] {37.4, 20, 35}) {
      frame.setNumber(0, temp);
      program.evaluate(frame);
      assertThat(frame.value(0)).isEqualTo((temp - 20) / 10);
      assertThat(frame.value(1)).isEqualTo((temp - 20) / 10 > 1.5);
    }
  }

  @Test
  void shouldGiveSameResultThroughHelper() {
    assertThat(Formulas.number("(temp - 20) / 10", Map.of("temp", 37))).isCloseTo(1.7, within(1e-12));
  }
}
