package dev.gyre.formula.internal;

/** A syntax error at one position; ends parsing of that definition. Internal to the compiler. */
final class ParseError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int pos;

  ParseError(int pos, String message) {
    super(message, null, false, false);
    this.pos = pos;
  }
}
