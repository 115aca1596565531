package dev.gyre.formula.internal;

/**
 * One lexical token.
 *
 * @param kind   what the token is
 * @param text   the token as written in the source, for messages
 * @param pos    0-based offset of its first character
 * @param number the value of a {@link Kind#NUMBER}
 * @param string the unescaped value of a {@link Kind#STRING}
 */
record Token(Kind kind, String text, int pos, double number, String string) {

  Token(Kind kind, String text, int pos) {
    this(kind, text, pos, 0, null);
  }

  int end() {
    return pos + text.length();
  }

  enum Kind {
    NUMBER, STRING, NAME, TRUE, FALSE,
    AND, OR, NOT,
    PLUS, MINUS, STAR, SLASH, PERCENT,
    EQ, NE, LT, LE, GT, GE,
    LPAREN, RPAREN, COMMA, QUESTION, COLON,
    END
  }
}
