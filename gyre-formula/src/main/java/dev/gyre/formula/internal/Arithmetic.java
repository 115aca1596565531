package dev.gyre.formula.internal;

import dev.gyre.formula.ValueType;

/** Number arithmetic and string concatenation. */
final class Arithmetic {
  private Arithmetic() {}

  /** Base of the binary number operators. */
  abstract static class Binary extends Node {
    final Node left;
    final Node right;

    Binary(Node left, Node right) {
      super(ValueType.NUMBER);
      this.left = left;
      this.right = right;
    }
  }

  static final class Add extends Binary {
    Add(Node left, Node right) {
      super(left, right);
    }

    @Override
    double evalNumber(Registers r) {
      return left.evalNumber(r) + right.evalNumber(r);
    }
  }

  static final class Subtract extends Binary {
    Subtract(Node left, Node right) {
      super(left, right);
    }

    @Override
    double evalNumber(Registers r) {
      return left.evalNumber(r) - right.evalNumber(r);
    }
  }

  static final class Multiply extends Binary {
    Multiply(Node left, Node right) {
      super(left, right);
    }

    @Override
    double evalNumber(Registers r) {
      return left.evalNumber(r) * right.evalNumber(r);
    }
  }

  static final class Divide extends Binary {
    private final String text;

    Divide(Node left, Node right, String text) {
      super(left, right);
      this.text = text;
    }

    @Override
    double evalNumber(Registers r) {
      double dividend = left.evalNumber(r);
      double divisor = right.evalNumber(r);
      if (divisor == 0) {
        throw Failure.divisionByZero(text);
      }
      return dividend / divisor;
    }
  }

  /** Remainder with the sign of the dividend, like Java's and C's {@code fmod}. */
  static final class Remainder extends Binary {
    private final String text;

    Remainder(Node left, Node right, String text) {
      super(left, right);
      this.text = text;
    }

    @Override
    double evalNumber(Registers r) {
      double dividend = left.evalNumber(r);
      double divisor = right.evalNumber(r);
      if (divisor == 0) {
        throw Failure.divisionByZero(text);
      }
      return dividend % divisor;
    }
  }

  static final class Negate extends Node {
    private final Node operand;

    Negate(Node operand) {
      super(ValueType.NUMBER);
      this.operand = operand;
    }

    @Override
    double evalNumber(Registers r) {
      return -operand.evalNumber(r);
    }
  }

  static final class Concat extends Node {
    private final Node left;
    private final Node right;

    Concat(Node left, Node right) {
      super(ValueType.STRING);
      this.left = left;
      this.right = right;
    }

    @Override
    String evalString(Registers r) {
      return left.evalString(r).concat(right.evalString(r));
    }
  }
}
