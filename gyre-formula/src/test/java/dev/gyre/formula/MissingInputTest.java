package dev.gyre.formula;

import static dev.gyre.formula.Formulas.eval;
import static dev.gyre.formula.Formulas.evalFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Optional fields: absent or null in an event. */
class MissingInputTest {

  @Test
  void shouldFailWhenMissingInputIsReadDirectly() {
    EvaluationException e = evalFailure("(temp - 20) / 10", Map.of());
    assertThat(e.getMessage()).isEqualTo("x: uses 'temp', which is missing in this event;"
        + " guard it with coalesce(temp, ...) or is_missing(temp)");
  }

  @Test
  void shouldStartNewFrameWithEveryInputMissing() {
    Program program = Program.compile(List.of(new Definition("x", "temp + 1")), Formulas.FIELDS);
    assertThatThrownBy(() -> program.evaluate(program.newFrame()))
        .isInstanceOf(EvaluationException.class).hasMessageContaining("missing in this event");
  }

  @Test
  void shouldForgetValueWhenSetMissing() {
    Program program = Program.compile(List.of(new Definition("x", "coalesce(temp, -1)")),
        Formulas.FIELDS);
    Frame frame = program.newFrame();
    frame.setNumber(0, 5);
    program.evaluate(frame);
    assertThat(frame.number(0)).isEqualTo(5);
    frame.setMissing(0);
    program.evaluate(frame);
    assertThat(frame.number(0)).isEqualTo(-1);
  }

  @Test
  void shouldTreatNullStringAsMissing() {
    Program program = Program.compile(List.of(new Definition("x", "is_missing(deviceId)")),
        Formulas.FIELDS);
    Frame frame = program.newFrame();
    frame.setString(0, null);
    program.evaluate(frame);
    assertThat(frame.bool(0)).isTrue();
  }

  @Test
  void shouldCoalesceWholeExpressionThatReadsMissingInput() {
    assertThat(eval("coalesce((temp - 20) / 10, 0)", Map.of())).isEqualTo(0.0);
    assertThat(eval("coalesce((temp - 20) / 10, 0)", Map.of("temp", 30))).isEqualTo(1.0);
    assertThat(eval("coalesce(ok and temp > 1, false)", Map.of("ok", true))).isEqualTo(false);
  }

  @Test
  void shouldTellWhetherExpressionReadsMissingInput() {
    assertThat(eval("is_missing(temp + ts)", Map.of("temp", 1))).isEqualTo(true);
    assertThat(eval("is_missing(temp + ts)", Map.of("temp", 1, "ts", 2))).isEqualTo(false);
  }

  @Test
  void shouldIgnoreMissingInputInBranchNotTaken() {
    assertThat(eval("is_missing(temp) ? 'none' : 'some ' + deviceId", Map.of())).isEqualTo("none");
  }

  @Test
  void shouldNeverTreatEarlierFeatureAsMissing() {
    Program program = Program.compile(Formulas.definitions(
        "t", "coalesce(temp, 0)", "m", "is_missing(t)"), Formulas.FIELDS);
    Frame frame = program.newFrame();
    program.evaluate(frame);
    assertThat(frame.bool(1)).isFalse();
  }
}
