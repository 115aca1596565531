package dev.gyre.formula;

import dev.gyre.formula.internal.Registers;

/**
 * Inputs and outputs of one evaluation of a {@link Program}, made by {@link Program#newFrame()}.
 *
 * <p>Reuse one frame per thread for every event: set or {@link #setMissing} each input slot,
 * call {@link Program#evaluate}, then read the outputs. A value stays set until replaced, so set
 * every slot of {@link Program#inputs()} for each event. Not thread-safe.
 *
 * <p>Setters and getters check the slot's type and throw {@link IllegalArgumentException} on a
 * mismatch (say {@code setNumber} on a STRING input) and {@link IndexOutOfBoundsException} on a bad
 * slot or index.
 */
public final class Frame {
  final Program program;
  final Registers registers;

  Frame(Program program) {
    this.program = program;
    this.registers = new Registers(program.inputTypes.length, program.outputTypes.length);
  }

  /** Sets NUMBER input {@code slot} for this event. */
  public void setNumber(int slot, double v) {
    input(slot, ValueType.NUMBER);
    registers.inNumber[slot] = v;
    registers.inMissing[slot] = false;
  }

  /** Sets BOOLEAN input {@code slot} for this event. */
  public void setBoolean(int slot, boolean v) {
    input(slot, ValueType.BOOLEAN);
    registers.inBoolean[slot] = v;
    registers.inMissing[slot] = false;
  }

  /** Sets STRING input {@code slot} for this event; {@code null} means missing. */
  public void setString(int slot, String v) {
    input(slot, ValueType.STRING);
    registers.inString[slot] = v;
    registers.inMissing[slot] = v == null;
  }

  /** Marks input {@code slot} as absent or null in this event, whatever its type. */
  public void setMissing(int slot) {
    input(slot, null);
    registers.inMissing[slot] = true;
    registers.inString[slot] = null;
  }

  /** The value of NUMBER output {@code outputIndex} from the last evaluation. */
  public double number(int outputIndex) {
    output(outputIndex, ValueType.NUMBER);
    return registers.outNumber[outputIndex];
  }

  /** The value of BOOLEAN output {@code outputIndex} from the last evaluation. */
  public boolean bool(int outputIndex) {
    output(outputIndex, ValueType.BOOLEAN);
    return registers.outBoolean[outputIndex];
  }

  /** The value of STRING output {@code outputIndex} from the last evaluation; never null after one. */
  public String string(int outputIndex) {
    output(outputIndex, ValueType.STRING);
    return registers.outString[outputIndex];
  }

  /** Output {@code outputIndex} boxed as a {@link Double}, {@link Boolean} or {@link String}. */
  public Object value(int outputIndex) {
    return switch (program.outputType(outputIndex)) {
      case NUMBER -> registers.outNumber[outputIndex];
      case BOOLEAN -> registers.outBoolean[outputIndex];
      case STRING -> registers.outString[outputIndex];
    };
  }

  private void input(int slot, ValueType type) {
    ValueType actual = program.inputType(slot);
    if (type != null && actual != type) {
      throw new IllegalArgumentException("input slot " + slot + " ('" + program.inputs().get(slot)
          + "') is a " + actual + ", not a " + type);
    }
  }

  private void output(int index, ValueType type) {
    ValueType actual = program.outputType(index);
    if (actual != type) {
      throw new IllegalArgumentException("output " + index + " ('" + program.outputs().get(index)
          + "') is a " + actual + ", not a " + type);
    }
  }
}
