package dev.gyre.formula.internal;

import dev.gyre.formula.ValueType;

/** Boolean operators and the short-circuiting choice {@code c ? a : b} / {@code if(c, a, b)}. */
final class Logic {
  private Logic() {}

  static final class And extends Node {
    private final Node left;
    private final Node right;

    And(Node left, Node right) {
      super(ValueType.BOOLEAN);
      this.left = left;
      this.right = right;
    }

    @Override
    boolean evalBoolean(Registers r) {
      return left.evalBoolean(r) && right.evalBoolean(r);
    }
  }

  static final class Or extends Node {
    private final Node left;
    private final Node right;

    Or(Node left, Node right) {
      super(ValueType.BOOLEAN);
      this.left = left;
      this.right = right;
    }

    @Override
    boolean evalBoolean(Registers r) {
      return left.evalBoolean(r) || right.evalBoolean(r);
    }
  }

  static final class Not extends Node {
    private final Node operand;

    Not(Node operand) {
      super(ValueType.BOOLEAN);
      this.operand = operand;
    }

    @Override
    boolean evalBoolean(Registers r) {
      return !operand.evalBoolean(r);
    }
  }

  /** Evaluates only the branch the condition selects, so the other one cannot fail. */
  static final class Choice extends Node {
    private final Node condition;
    private final Node whenTrue;
    private final Node whenFalse;

    Choice(Node condition, Node whenTrue, Node whenFalse) {
      super(whenTrue.type);
      this.condition = condition;
      this.whenTrue = whenTrue;
      this.whenFalse = whenFalse;
    }

    @Override
    double evalNumber(Registers r) {
      return condition.evalBoolean(r) ? whenTrue.evalNumber(r) : whenFalse.evalNumber(r);
    }

    @Override
    boolean evalBoolean(Registers r) {
      return condition.evalBoolean(r) ? whenTrue.evalBoolean(r) : whenFalse.evalBoolean(r);
    }

    @Override
    String evalString(Registers r) {
      return condition.evalBoolean(r) ? whenTrue.evalString(r) : whenFalse.evalString(r);
    }
  }
}
