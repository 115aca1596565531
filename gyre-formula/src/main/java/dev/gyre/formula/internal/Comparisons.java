package dev.gyre.formula.internal;

import dev.gyre.formula.ValueType;
import dev.gyre.formula.internal.Token.Kind;

/** Equality of any type and ordering of numbers and strings. */
final class Comparisons {
  private Comparisons() {}

  /** Picks the node for {@code left op right}; the checker has verified both sides' types. */
  static Node of(Kind op, Node left, Node right) {
    boolean equal = op == Kind.EQ;
    if (op == Kind.EQ || op == Kind.NE) {
      return switch (left.type) {
        case NUMBER -> new NumberEquals(left, right, equal);
        case BOOLEAN -> new BooleanEquals(left, right, equal);
        case STRING -> new StringEquals(left, right, equal);
      };
    }
    return left.type == ValueType.STRING ? new StringOrder(op, left, right) : switch (op) {
      case LT -> new Less(left, right);
      case LE -> new LessOrEqual(left, right);
      case GT -> new Greater(left, right);
      default -> new GreaterOrEqual(left, right);
    };
  }

  private abstract static class Binary extends Node {
    final Node left;
    final Node right;
    final boolean expected;

    Binary(Node left, Node right, boolean expected) {
      super(ValueType.BOOLEAN);
      this.left = left;
      this.right = right;
      this.expected = expected;
    }
  }

  static final class NumberEquals extends Binary {
    NumberEquals(Node left, Node right, boolean expected) {
      super(left, right, expected);
    }

    @Override
    boolean evalBoolean(Registers r) {
      return (left.evalNumber(r) == right.evalNumber(r)) == expected;
    }
  }

  static final class BooleanEquals extends Binary {
    BooleanEquals(Node left, Node right, boolean expected) {
      super(left, right, expected);
    }

    @Override
    boolean evalBoolean(Registers r) {
      return (left.evalBoolean(r) == right.evalBoolean(r)) == expected;
    }
  }

  static final class StringEquals extends Binary {
    StringEquals(Node left, Node right, boolean expected) {
      super(left, right, expected);
    }

    @Override
    boolean evalBoolean(Registers r) {
      return left.evalString(r).equals(right.evalString(r)) == expected;
    }
  }

  static final class Less extends Binary {
    Less(Node left, Node right) {
      super(left, right, true);
    }

    @Override
    boolean evalBoolean(Registers r) {
      return left.evalNumber(r) < right.evalNumber(r);
    }
  }

  static final class LessOrEqual extends Binary {
    LessOrEqual(Node left, Node right) {
      super(left, right, true);
    }

    @Override
    boolean evalBoolean(Registers r) {
      return left.evalNumber(r) <= right.evalNumber(r);
    }
  }

  static final class Greater extends Binary {
    Greater(Node left, Node right) {
      super(left, right, true);
    }

    @Override
    boolean evalBoolean(Registers r) {
      return left.evalNumber(r) > right.evalNumber(r);
    }
  }

  static final class GreaterOrEqual extends Binary {
    GreaterOrEqual(Node left, Node right) {
      super(left, right, true);
    }

    @Override
    boolean evalBoolean(Registers r) {
      return left.evalNumber(r) >= right.evalNumber(r);
    }
  }

  /** Lexicographic order of strings, by UTF-16 code unit as {@link String#compareTo}. */
  static final class StringOrder extends Binary {
    private final Kind op;

    StringOrder(Kind op, Node left, Node right) {
      super(left, right, true);
      this.op = op;
    }

    @Override
    boolean evalBoolean(Registers r) {
      int c = left.evalString(r).compareTo(right.evalString(r));
      return switch (op) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        default -> c >= 0;
      };
    }
  }
}
