package dev.gyre.formula.internal;

import dev.gyre.formula.ValueType;

/**
 * Number functions. Every result must be finite: {@code sqrt(-1)}, {@code log(0)} or
 * {@code pow(0, -1)} fail the event with the call's text instead of spreading NaN.
 */
final class MathCalls {
  private MathCalls() {}

  /** Values with at least this magnitude are already integers; rounding leaves them alone. */
  private static final double INTEGRAL = 0x1p52;

  static final class Unary extends Node {
    private final Builtin function;
    private final Node arg;
    private final String text;

    Unary(Builtin function, Node arg, String text) {
      super(ValueType.NUMBER);
      this.function = function;
      this.arg = arg;
      this.text = text;
    }

    @Override
    double evalNumber(Registers r) {
      double x = arg.evalNumber(r);
      double y = switch (function) {
        case ABS -> Math.abs(x);
        case SQRT -> Math.sqrt(x);
        case EXP -> Math.exp(x);
        case LOG -> Math.log(x);
        case LOG10 -> Math.log10(x);
        case FLOOR -> Math.floor(x);
        case CEIL -> Math.ceil(x);
        case ROUND -> Math.abs(x) < INTEGRAL ? Math.copySign(Math.round(Math.abs(x)), x) : x;
        case SIN -> Math.sin(x);
        case COS -> Math.cos(x);
        case TAN -> Math.tan(x);
        default -> throw new IllegalStateException(function + " is not a unary function");
      };
      if (!Double.isFinite(y)) {
        throw Failure.notFinite(y, text);
      }
      return y;
    }
  }

  static final class Pow extends Node {
    private final Node base;
    private final Node exponent;
    private final String text;

    Pow(Node base, Node exponent, String text) {
      super(ValueType.NUMBER);
      this.base = base;
      this.exponent = exponent;
      this.text = text;
    }

    @Override
    double evalNumber(Registers r) {
      double y = Math.pow(base.evalNumber(r), exponent.evalNumber(r));
      if (!Double.isFinite(y)) {
        throw Failure.notFinite(y, text);
      }
      return y;
    }
  }

  /** {@code min} or {@code max} of two or more numbers. */
  static final class Extreme extends Node {
    private final Node[] args;
    private final boolean max;

    Extreme(Node[] args, boolean max) {
      super(ValueType.NUMBER);
      this.args = args;
      this.max = max;
    }

    @Override
    double evalNumber(Registers r) {
      double result = args[0].evalNumber(r);
      for (int i = 1; i < args.length; i++) {
        double x = args[i].evalNumber(r);
        result = max ? Math.max(result, x) : Math.min(result, x);
      }
      return result;
    }
  }

  static final class Clamp extends Node {
    private final Node x;
    private final Node lo;
    private final Node hi;
    private final String text;

    Clamp(Node x, Node lo, Node hi, String text) {
      super(ValueType.NUMBER);
      this.x = x;
      this.lo = lo;
      this.hi = hi;
      this.text = text;
    }

    @Override
    double evalNumber(Registers r) {
      double value = x.evalNumber(r);
      double low = lo.evalNumber(r);
      double high = hi.evalNumber(r);
      if (low > high) {
        throw new Failure("clamp bounds reversed (lo " + Failure.format(low) + " > hi "
            + Failure.format(high) + ") in '" + text + "'");
      }
      return Math.min(Math.max(value, low), high);
    }
  }

  /** Length of a string in Unicode code points. */
  static final class Length extends Node {
    private final Node arg;

    Length(Node arg) {
      super(ValueType.NUMBER);
      this.arg = arg;
    }

    @Override
    double evalNumber(Registers r) {
      String s = arg.evalString(r);
      return s.codePointCount(0, s.length());
    }
  }
}
