package dev.gyre.formula.internal;

import dev.gyre.formula.FormulaError;
import dev.gyre.formula.ValueType;
import dev.gyre.formula.internal.Token.Kind;
import java.util.List;

/**
 * Type-checks one parsed definition and builds its nodes. Reports every error it finds rather than
 * stopping at the first; a sub-expression with an error yields {@code null}, and its parents then
 * stay silent so one mistake is reported once.
 */
final class Checker {
  private static final int MAX_QUOTE = 40;
  private final String src;
  private final Scope scope;
  private final int definition;
  private final List<FormulaError> errors;

  Checker(String src, Scope scope, int definition, List<FormulaError> errors) {
    this.src = src;
    this.scope = scope;
    this.definition = definition;
    this.errors = errors;
  }

  /** The node for {@code e}, or {@code null} after reporting its errors. */
  Node check(Expr e) {
    if (e instanceof Expr.NumberLiteral n) {
      return new Leaves.NumberConstant(n.value());
    } else if (e instanceof Expr.StringLiteral s) {
      return new Leaves.StringConstant(s.value());
    } else if (e instanceof Expr.BooleanLiteral b) {
      return new Leaves.BooleanConstant(b.value());
    } else if (e instanceof Expr.Name n) {
      return name(n);
    } else if (e instanceof Expr.Unary u) {
      return unary(u);
    } else if (e instanceof Expr.Binary b) {
      return binary(b);
    } else if (e instanceof Expr.Conditional c) {
      Node condition = check(c.condition());
      Node whenTrue = check(c.whenTrue());
      Node whenFalse = check(c.whenFalse());
      return choice(condition, c.condition(), whenTrue, c.whenTrue(), whenFalse, c.whenFalse(),
          c.question().pos(), "'?'");
    }
    return Calls.check(this, (Expr.Call) e);
  }

  private Node name(Expr.Name n) {
    Node node = scope.read(n.name());
    if (node == null) {
      String why = scope.unknown(n.name(), definition);
      if (why != null) {
        error(n.start(), why);
      }
    }
    return node;
  }

  private Node unary(Expr.Unary u) {
    Node operand = check(u.operand());
    if (operand == null) {
      return null;
    }
    if (u.op().kind() == Kind.MINUS) {
      return needs(operand, u.operand(), ValueType.NUMBER, u.op())
          ? new Arithmetic.Negate(operand) : null;
    }
    return needs(operand, u.operand(), ValueType.BOOLEAN, u.op()) ? new Logic.Not(operand) : null;
  }

  private Node binary(Expr.Binary b) {
    Node left = check(b.left());
    Node right = check(b.right());
    if (left == null || right == null) {
      return null;
    }
    Token op = b.op();
    switch (op.kind()) {
      case AND, OR -> {
        if (!needs(left, b.left(), ValueType.BOOLEAN, op)
            || !needs(right, b.right(), ValueType.BOOLEAN, op)) {
          return null;
        }
        return op.kind() == Kind.AND ? new Logic.And(left, right) : new Logic.Or(left, right);
      }
      case EQ, NE, LT, LE, GT, GE -> {
        boolean ordering = op.kind() != Kind.EQ && op.kind() != Kind.NE;
        if (ordering && left.type == ValueType.BOOLEAN) {
          error(op.pos(), "applies '" + op.text() + "' to " + describe(left, b.left()) + "; '"
              + op.text() + "' needs numbers or strings");
          return null;
        }
        if (left.type != right.type) {
          error(op.pos(), "compares " + describe(left, b.left()) + " with "
              + describe(right, b.right()) + " using '" + op.text()
              + "'; both sides need the same type");
          return null;
        }
        return Comparisons.of(op.kind(), left, right);
      }
      case PLUS -> {
        if (left.type == ValueType.STRING && right.type == ValueType.STRING) {
          return new Arithmetic.Concat(left, right);
        }
        if (left.type != right.type || left.type != ValueType.NUMBER) {
          error(op.pos(), "applies '+' to " + describe(left, b.left()) + " and "
              + describe(right, b.right()) + "; '+' needs two numbers or two strings");
          return null;
        }
        return new Arithmetic.Add(left, right);
      }
      default -> {
        if (!needs(left, b.left(), ValueType.NUMBER, op)
            || !needs(right, b.right(), ValueType.NUMBER, op)) {
          return null;
        }
        return switch (op.kind()) {
          case MINUS -> new Arithmetic.Subtract(left, right);
          case STAR -> new Arithmetic.Multiply(left, right);
          case SLASH -> new Arithmetic.Divide(left, right, quote(b));
          default -> new Arithmetic.Remainder(left, right, quote(b));
        };
      }
    }
  }

  /** Checks {@code c ? a : b} or {@code if(c, a, b)}; {@code what} names the construct. */
  Node choice(Node c, Expr ce, Node a, Expr ae, Node b, Expr be, int pos, String what) {
    if (c == null || a == null || b == null) {
      return null;
    }
    boolean ok = true;
    if (c.type != ValueType.BOOLEAN) {
      error(ce.start(), "uses " + describe(c, ce) + " as the condition of " + what
          + "; the condition needs a BOOLEAN, such as x > 0");
      ok = false;
    }
    if (a.type != b.type) {
      error(pos, "gives " + describe(a, ae) + " if true but " + describe(b, be)
          + " if false; both branches of " + what + " need the same type");
      ok = false;
    }
    return ok ? new Logic.Choice(c, a, b) : null;
  }

  private boolean needs(Node node, Expr e, ValueType type, Token op) {
    if (node.type == type) {
      return true;
    }
    String plural = type == ValueType.NUMBER ? "numbers" : "booleans";
    error(op.pos(), "applies '" + op.text() + "' to " + describe(node, e) + "; '" + op.text()
        + "' needs " + plural);
    return false;
  }

  /** For messages: {@code a STRING ('deviceId')}. */
  String describe(Node node, Expr e) {
    return "a " + node.type + " ('" + quote(e) + "')";
  }

  /** The source text of {@code e}, shortened for messages. */
  String quote(Expr e) {
    String text = src.substring(e.start(), e.end());
    return text.length() <= MAX_QUOTE ? text : text.substring(0, MAX_QUOTE - 3) + "...";
  }

  void error(int pos, String message) {
    errors.add(new FormulaError(definition, pos + 1, message));
  }
}
