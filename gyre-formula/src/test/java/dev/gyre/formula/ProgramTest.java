package dev.gyre.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public contract of {@link Program} and {@link Frame}. */
class ProgramTest {
  private final Program program = Program.compile(Formulas.definitions(
      "label", "deviceId + ':' + ok",
      "hot", "temp > 30",
      "scaled", "if(hot, temp / 10, ts)"), Map.of(
      "deviceId", ValueType.STRING, "temp", ValueType.NUMBER, "ts", ValueType.NUMBER,
      "ok", ValueType.STRING, "unused", ValueType.BOOLEAN, "not-an-identifier", ValueType.NUMBER));

  @Test
  void shouldAssignSlotsToReferencedInputsInOrderOfFirstUse() {
    assertThat(program.inputs()).containsExactly("deviceId", "ok", "temp", "ts");
    assertThat(program.inputType(1)).isEqualTo(ValueType.STRING);
    assertThat(program.inputType(2)).isEqualTo(ValueType.NUMBER);
    assertThat(program.outputs()).containsExactly("label", "hot", "scaled");
    assertThat(program.outputType(0)).isEqualTo(ValueType.STRING);
  }

  @Test
  void shouldBoxValuesOnRequest() {
    Frame frame = program.newFrame();
    frame.setString(0, "d1");
    frame.setString(1, "yes");
    frame.setNumber(2, 40);
    frame.setNumber(3, 7);
    program.evaluate(frame);
    assertThat(frame.value(0)).isEqualTo("d1:yes");
    assertThat(frame.value(1)).isEqualTo(true);
    assertThat(frame.value(2)).isEqualTo(4.0);
    assertThat(frame.string(0)).isEqualTo("d1:yes");
  }

  @Test
  void shouldRejectSettingInputWithWrongType() {
    Frame frame = program.newFrame();
    assertThatThrownBy(() -> frame.setNumber(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input slot 0 ('deviceId') is a STRING, not a NUMBER");
    assertThatThrownBy(() -> frame.setBoolean(2, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> frame.setNumber(9, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void shouldRejectReadingOutputWithWrongType() {
    Frame frame = program.newFrame();
    assertThatThrownBy(() -> frame.number(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("output 1 ('hot') is a BOOLEAN, not a NUMBER");
    assertThatThrownBy(() -> frame.bool(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> frame.string(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void shouldRejectFrameOfAnotherProgram() {
    Program other = Program.compile(List.of(new Definition("x", "1")), Map.of());
    assertThatThrownBy(() -> program.evaluate(other.newFrame()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldCompileEmptyProgramAndProgramWithoutInputs() {
    Program empty = Program.compile(List.of(), Formulas.FIELDS);
    empty.evaluate(empty.newFrame());
    assertThat(empty.inputs()).isEmpty();
    Program constant = Program.compile(List.of(new Definition("x", "2 * 21")), Map.of());
    Frame frame = constant.newFrame();
    constant.evaluate(frame);
    assertThat(frame.number(0)).isEqualTo(42);
  }

  @Test
  void shouldKeepFramesOfOneProgramIndependent() {
    Frame a = program.newFrame();
    Frame b = program.newFrame();
    for (Frame frame : List.of(a, b)) {
      frame.setString(0, frame == a ? "a" : "b");
      frame.setString(1, "x");
      frame.setNumber(2, 1);
      frame.setNumber(3, 1);
      program.evaluate(frame);
    }
    assertThat(a.string(0)).isEqualTo("a:x");
    assertThat(b.string(0)).isEqualTo("b:x");
  }
}
