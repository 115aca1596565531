package dev.gyre.formula.internal;

import dev.gyre.formula.internal.Token.Kind;
import java.util.Map;

/** Splits an expression into tokens on demand; throws {@link ParseError} for bad characters. */
final class Lexer {
  private static final Map<String, Kind> WORDS = Map.of("and", Kind.AND, "or", Kind.OR,
      "not", Kind.NOT, "true", Kind.TRUE, "false", Kind.FALSE);
  private final String src;
  private int pos;

  Lexer(String src) {
    this.src = src;
  }

  static boolean isKeyword(String word) {
    return WORDS.containsKey(word);
  }

  Token next() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= src.length()) {
      return new Token(Kind.END, "", pos);
    }
    char c = src.charAt(pos);
    if (c >= '0' && c <= '9') {
      return number(start);
    }
    if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      while (pos < src.length() && isNamePart(src.charAt(pos))) {
        pos++;
      }
      String word = src.substring(start, pos);
      return new Token(WORDS.getOrDefault(word, Kind.NAME), word, start);
    }
    if (c == '\'' || c == '"') {
      return string(start, c);
    }
    return operator(start, c);
  }

  private Token operator(int start, char c) {
    char n = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
    String two = "" + c + n;
    Kind kind = switch (two) {
      case "==" -> Kind.EQ;
      case "!=" -> Kind.NE;
      case "<=" -> Kind.LE;
      case ">=" -> Kind.GE;
      case "&&" -> Kind.AND;
      case "||" -> Kind.OR;
      default -> null;
    };
    if (kind != null) {
      pos += 2;
      return new Token(kind, two, start);
    }
    kind = switch (c) {
      case '+' -> Kind.PLUS;
      case '-' -> Kind.MINUS;
      case '*' -> Kind.STAR;
      case '/' -> Kind.SLASH;
      case '%' -> Kind.PERCENT;
      case '<' -> Kind.LT;
      case '>' -> Kind.GT;
      case '!' -> Kind.NOT;
      case '(' -> Kind.LPAREN;
      case ')' -> Kind.RPAREN;
      case ',' -> Kind.COMMA;
      case '?' -> Kind.QUESTION;
      case ':' -> Kind.COLON;
      default -> throw new ParseError(start, badCharacter(c));
    };
    pos++;
    return new Token(kind, String.valueOf(c), start);
  }

  private static String badCharacter(char c) {
    return switch (c) {
      case '=' -> "uses '=', which does not compare; write '==' to test equality";
      case '&' -> "uses '&'; write 'and' or '&&'";
      case '|' -> "uses '|'; write 'or' or '||'";
      case '.' -> "has '.' without a digit before it; write numbers like 0.5";
      default -> "has '" + c + "', which is not part of the formula language";
    };
  }

  private Token number(int start) {
    digits();
    if (pos < src.length() && src.charAt(pos) == '.') {
      pos++;
      if (digits() == 0) {
        throw new ParseError(start, "has '" + src.substring(start, pos)
            + "', a number without digits after the point; write it like 1.0");
      }
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (digits() == 0) {
        throw new ParseError(start, "has '" + src.substring(start, pos)
            + "', a number without digits in its exponent; write it like 1e-3");
      }
    }
    String text = src.substring(start, pos);
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new ParseError(start, "has '" + text + "', a number too large for a double");
    }
    return new Token(Kind.NUMBER, text, start, value, null);
  }

  private int digits() {
    int from = pos;
    while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
      pos++;
    }
    return pos - from;
  }

  private Token string(int start, char quote) {
    StringBuilder value = new StringBuilder();
    pos++;
    while (pos < src.length() && src.charAt(pos) != quote) {
      char c = src.charAt(pos++);
      if (c == '\\' && pos < src.length()) {
        char e = src.charAt(pos++);
        switch (e) {
          case '\\', '\'', '"' -> value.append(e);
          case 'n' -> value.append('\n');
          default -> throw new ParseError(pos - 2, "has the unknown escape '\\" + e
              + "' in a string; the escapes are \\\\, \\', \\\" and \\n");
        }
      } else {
        value.append(c);
      }
    }
    if (pos >= src.length()) {
      throw new ParseError(start, "has a string that is never closed; end it with " + quote);
    }
    pos++;
    return new Token(Kind.STRING, src.substring(start, pos), start, 0, value.toString());
  }

  static boolean isNamePart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
