package dev.gyre.formula.internal;

import dev.gyre.formula.ValueType;

/** Nodes without children: literals, input reads and reads of earlier definitions. */
final class Leaves {
  private Leaves() {}

  static final class NumberConstant extends Node {
    private final double value;

    NumberConstant(double value) {
      super(ValueType.NUMBER);
      this.value = value;
    }

    @Override
    double evalNumber(Registers r) {
      return value;
    }
  }

  static final class BooleanConstant extends Node {
    private final boolean value;

    BooleanConstant(boolean value) {
      super(ValueType.BOOLEAN);
      this.value = value;
    }

    @Override
    boolean evalBoolean(Registers r) {
      return value;
    }
  }

  static final class StringConstant extends Node {
    private final String value;

    StringConstant(String value) {
      super(ValueType.STRING);
      this.value = value;
    }

    @Override
    String evalString(Registers r) {
      return value;
    }
  }

  /** Reads input {@code slot}; throws {@link Failure.MissingInput} when the event lacks it. */
  static final class Input extends Node {
    final int slot;
    private final Failure.MissingInput missing;

    Input(String name, int slot, ValueType type) {
      super(type);
      this.slot = slot;
      this.missing = new Failure.MissingInput(name);
    }

    @Override
    double evalNumber(Registers r) {
      if (r.inMissing[slot]) {
        throw missing;
      }
      return r.inNumber[slot];
    }

    @Override
    boolean evalBoolean(Registers r) {
      if (r.inMissing[slot]) {
        throw missing;
      }
      return r.inBoolean[slot];
    }

    @Override
    String evalString(Registers r) {
      if (r.inMissing[slot]) {
        throw missing;
      }
      return r.inString[slot];
    }
  }

  /** Reads the output of an earlier definition, which is never missing. */
  static final class Feature extends Node {
    private final int index;

    Feature(int index, ValueType type) {
      super(type);
      this.index = index;
    }

    @Override
    double evalNumber(Registers r) {
      return r.outNumber[index];
    }

    @Override
    boolean evalBoolean(Registers r) {
      return r.outBoolean[index];
    }

    @Override
    String evalString(Registers r) {
      return r.outString[index];
    }
  }
}
