package dev.gyre.formula.internal;

/**
 * A run-time failure inside one definition, such as a division by zero. The message is the cause
 * without the definition name ({@code division by zero in 'temp / delta'});
 * {@link dev.gyre.formula.Program} adds the name. No stack trace: bad events can be frequent and
 * the trace of a tree walk would not help anyone.
 */
public class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Failure(String message) {
    super(message, null, false, false);
  }

  static Failure divisionByZero(String text) {
    return new Failure("division by zero in '" + text + "'");
  }

  static Failure notFinite(double value, String text) {
    String what = Double.isNaN(value) ? "NaN (not a number)" : "infinite number";
    return new Failure(what + " in '" + text + "'");
  }

  /** A number as a user would write it: {@code 5} rather than {@code 5.0}. */
  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : Double.toString(value);
  }

  /** Reading an input that is missing; {@code coalesce} and {@code is_missing} catch it. */
  static final class MissingInput extends Failure {
    private static final long serialVersionUID = 1L;

    MissingInput(String name) {
      super("uses '" + name + "', which is missing in this event; guard it with coalesce("
          + name + ", ...) or is_missing(" + name + ")");
    }
  }
}
