package dev.gyre.formula.internal;

import dev.gyre.formula.ValueType;

/**
 * A type-checked expression, ready to evaluate. Each subclass overrides the {@code eval} method of
 * its {@link #type}; the checker guarantees that only that one is called, so the others throw.
 * Nodes are immutable and safe to share between threads; all per-event state is in
 * {@link Registers}.
 */
abstract class Node {
  final ValueType type;

  Node(ValueType type) {
    this.type = type;
  }

  double evalNumber(Registers r) {
    throw wrongType(ValueType.NUMBER);
  }

  boolean evalBoolean(Registers r) {
    throw wrongType(ValueType.BOOLEAN);
  }

  String evalString(Registers r) {
    throw wrongType(ValueType.STRING);
  }

  private IllegalStateException wrongType(ValueType asked) {
    return new IllegalStateException(getClass().getSimpleName() + " is " + type + ", not " + asked);
  }
}
