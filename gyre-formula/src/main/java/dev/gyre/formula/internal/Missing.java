package dev.gyre.formula.internal;

import dev.gyre.formula.ValueType;

/**
 * {@code coalesce(a, b)} and {@code is_missing(x)}. When the argument is a plain input the node
 * tests its missing flag, which costs one array read; otherwise it evaluates the argument and
 * treats a {@link Failure.MissingInput} thrown inside it as "missing". Other failures, such as a
 * division by zero, still propagate.
 */
final class Missing {
  private Missing() {}

  static Node coalesce(Node value, Node fallback) {
    return value instanceof Leaves.Input input
        ? new Logic.Choice(new Flag(input), fallback, value)
        : new Coalesce(value, fallback);
  }

  static Node isMissing(Node value) {
    return value instanceof Leaves.Input input ? new Flag(input) : new Thrown(value);
  }

  /** True when a plain input is missing. */
  static final class Flag extends Node {
    private final int slot;

    Flag(Leaves.Input input) {
      super(ValueType.BOOLEAN);
      this.slot = input.slot;
    }

    @Override
    boolean evalBoolean(Registers r) {
      return r.inMissing[slot];
    }
  }

  /** True when evaluating an expression reads a missing input. */
  static final class Thrown extends Node {
    private final Node value;

    Thrown(Node value) {
      super(ValueType.BOOLEAN);
      this.value = value;
    }

    @Override
    boolean evalBoolean(Registers r) {
      try {
        switch (value.type) {
          case NUMBER -> value.evalNumber(r);
          case BOOLEAN -> value.evalBoolean(r);
          default -> value.evalString(r);
        }
        return false;
      } catch (Failure.MissingInput e) {
        return true;
      }
    }
  }

  /** The value of an expression, or the fallback when it reads a missing input. */
  static final class Coalesce extends Node {
    private final Node value;
    private final Node fallback;

    Coalesce(Node value, Node fallback) {
      super(value.type);
      this.value = value;
      this.fallback = fallback;
    }

    @Override
    double evalNumber(Registers r) {
      try {
        return value.evalNumber(r);
      } catch (Failure.MissingInput e) {
        return fallback.evalNumber(r);
      }
    }

    @Override
    boolean evalBoolean(Registers r) {
      try {
        return value.evalBoolean(r);
      } catch (Failure.MissingInput e) {
        return fallback.evalBoolean(r);
      }
    }

    @Override
    String evalString(Registers r) {
      try {
        return value.evalString(r);
      } catch (Failure.MissingInput e) {
        return fallback.evalString(r);
      }
    }
  }
}
