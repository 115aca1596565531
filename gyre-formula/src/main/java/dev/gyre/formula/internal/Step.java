package dev.gyre.formula.internal;

import dev.gyre.formula.ValueType;

/**
 * One compiled definition: evaluates its root node and stores the result as output {@code index}.
 * A NUMBER result must be finite.
 */
public final class Step {
  private final Node root;
  private final int index;
  private final ValueType type;
  private final String text;

  Step(Node root, int index, String text) {
    this.root = root;
    this.index = index;
    this.type = root.type;
    this.text = text;
  }

  /**
   * Computes the definition for the event in {@code r}.
   *
   * @throws Failure when the definition cannot be computed for this event
   */
  public void run(Registers r) {
    if (type == ValueType.NUMBER) {
      double value = root.evalNumber(r);
      if (!Double.isFinite(value)) {
        throw Failure.notFinite(value, text);
      }
      r.outNumber[index] = value;
    } else if (type == ValueType.BOOLEAN) {
      r.outBoolean[index] = root.evalBoolean(r);
    } else {
      r.outString[index] = root.evalString(r);
    }
  }
}
