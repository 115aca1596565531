package dev.gyre.formula.internal;

import java.util.List;

/**
 * Untyped syntax tree produced by the {@link Parser}. Every node knows its source range (0-based,
 * end exclusive) so the {@link Checker} can quote it in messages and place errors at a column.
 */
sealed interface Expr {
  int start();

  int end();

  record NumberLiteral(double value, int start, int end) implements Expr {}

  record StringLiteral(String value, int start, int end) implements Expr {}

  record BooleanLiteral(boolean value, int start, int end) implements Expr {}

  record Name(String name, int start, int end) implements Expr {}

  /** {@code -x}, {@code not x} or {@code !x}. */
  record Unary(Token op, Expr operand) implements Expr {
    @Override
    public int start() {
      return op.pos();
    }

    @Override
    public int end() {
      return operand.end();
    }
  }

  record Binary(Token op, Expr left, Expr right) implements Expr {
    @Override
    public int start() {
      return left.start();
    }

    @Override
    public int end() {
      return right.end();
    }
  }

  /** {@code condition ? whenTrue : whenFalse}; {@code question} is the '?' token. */
  record Conditional(Expr condition, Token question, Expr whenTrue, Expr whenFalse)
      implements Expr {
    @Override
    public int start() {
      return condition.start();
    }

    @Override
    public int end() {
      return whenFalse.end();
    }
  }

  record Call(String function, int start, List<Expr> args, int end) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }
}
