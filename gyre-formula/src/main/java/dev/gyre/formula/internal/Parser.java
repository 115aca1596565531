package dev.gyre.formula.internal;

import dev.gyre.formula.internal.Token.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for one expression. Precedence, low to high: ternary, or, and, not,
 * equality, comparison, additive, multiplicative, unary minus. Binary operators are left-associative
 * loops; recursion happens only for nesting (parentheses, calls, unary operators, ternary branches)
 * and is capped at {@link #MAX_DEPTH}, so no input can overflow the stack.
 */
final class Parser {
  static final int MAX_DEPTH = 64;
  private static final Set<Kind> EQUALITY = EnumSet.of(Kind.EQ, Kind.NE);
  private static final Set<Kind> COMPARISON = EnumSet.of(Kind.LT, Kind.LE, Kind.GT, Kind.GE);
  private static final Set<Kind> ADDITIVE = EnumSet.of(Kind.PLUS, Kind.MINUS);
  private static final Set<Kind> MULTIPLICATIVE = EnumSet.of(Kind.STAR, Kind.SLASH, Kind.PERCENT);
  private final Lexer lexer;
  private Token current;
  private Token previous;
  private int depth;

  private Parser(String src) {
    lexer = new Lexer(src);
    current = lexer.next();
  }

  /** Parses the whole of {@code src}; throws {@link ParseError} at the first problem. */
  static Expr parse(String src) {
    Parser parser = new Parser(src);
    if (parser.current.kind() == Kind.END) {
      throw new ParseError(0, "is empty; write an expression such as temp * 2");
    }
    Expr expr = parser.ternary();
    Token extra = parser.current;
    if (extra.kind() == Kind.RPAREN) {
      throw new ParseError(extra.pos(), "has ')' without a matching '('");
    }
    if (extra.kind() != Kind.END) {
      throw new ParseError(extra.pos(), "has '" + extra.text()
          + "' after a complete expression; join them with an operator or remove it");
    }
    return expr;
  }

  private Expr ternary() {
    Expr condition = or();
    if (current.kind() != Kind.QUESTION) {
      return condition;
    }
    Token question = advance();
    descend();
    Expr whenTrue = ternary();
    if (current.kind() != Kind.COLON) {
      throw new ParseError(question.pos(), current.kind() == Kind.END
          ? "has '?' without ':'; write condition ? value_if_true : value_if_false"
          : "has '" + current.text() + "' where ':' of the '?' was expected");
    }
    advance();
    Expr whenFalse = ternary();
    depth--;
    return new Expr.Conditional(condition, question, whenTrue, whenFalse);
  }

  private Expr or() {
    Expr left = and();
    while (current.kind() == Kind.OR) {
      left = new Expr.Binary(advance(), left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (current.kind() == Kind.AND) {
      left = new Expr.Binary(advance(), left, not());
    }
    return left;
  }

  private Expr not() {
    if (current.kind() != Kind.NOT) {
      return equality();
    }
    Token op = advance();
    descend();
    Expr operand = not();
    depth--;
    return new Expr.Unary(op, operand);
  }

  private Expr equality() {
    Expr left = comparison();
    while (EQUALITY.contains(current.kind())) {
      left = new Expr.Binary(advance(), left, comparison());
    }
    return left;
  }

  private Expr comparison() {
    Expr left = additive();
    if (!COMPARISON.contains(current.kind())) {
      return left;
    }
    Expr result = new Expr.Binary(advance(), left, additive());
    if (COMPARISON.contains(current.kind())) {
      throw new ParseError(current.pos(), "chains comparisons with '" + current.text()
          + "'; write a < b and b < c instead of a < b < c");
    }
    return result;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (ADDITIVE.contains(current.kind())) {
      left = new Expr.Binary(advance(), left, multiplicative());
    }
    return left;
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (MULTIPLICATIVE.contains(current.kind())) {
      left = new Expr.Binary(advance(), left, unary());
    }
    return left;
  }

  private Expr unary() {
    if (current.kind() != Kind.MINUS) {
      return primary();
    }
    Token op = advance();
    descend();
    Expr operand = unary();
    depth--;
    return new Expr.Unary(op, operand);
  }

  private Expr primary() {
    Token token = current;
    switch (token.kind()) {
      case NUMBER -> {
        advance();
        return new Expr.NumberLiteral(token.number(), token.pos(), token.end());
      }
      case STRING -> {
        advance();
        return new Expr.StringLiteral(token.string(), token.pos(), token.end());
      }
      case TRUE, FALSE -> {
        advance();
        return new Expr.BooleanLiteral(token.kind() == Kind.TRUE, token.pos(), token.end());
      }
      case NAME -> {
        advance();
        return current.kind() == Kind.LPAREN ? call(token)
            : new Expr.Name(token.text(), token.pos(), token.end());
      }
      case LPAREN -> {
        return parenthesized();
      }
      default -> throw missingValue(token);
    }
  }

  private Expr parenthesized() {
    Token open = advance();
    descend();
    Expr inner = ternary();
    expectClose(open);
    depth--;
    return inner;
  }

  private Expr call(Token name) {
    Token open = advance();
    descend();
    List<Expr> args = new ArrayList<>();
    if (current.kind() != Kind.RPAREN) {
      args.add(ternary());
      while (current.kind() == Kind.COMMA) {
        advance();
        args.add(ternary());
      }
    }
    expectClose(open);
    depth--;
    return new Expr.Call(name.text(), name.pos(), args, previous.end());
  }

  private void expectClose(Token open) {
    if (current.kind() == Kind.RPAREN) {
      advance();
    } else if (current.kind() == Kind.END) {
      throw new ParseError(open.pos(), "has '(' that is never closed; add ')'");
    } else {
      throw new ParseError(current.pos(), "has '" + current.text()
          + "' where ')' or an operator was expected");
    }
  }

  private ParseError missingValue(Token token) {
    if (token.kind() == Kind.END) {
      return new ParseError(previous.pos(), "ends after '" + previous.text()
          + "'; add what should follow it, such as the right-hand side");
    }
    String after = previous == null ? "" : " after '" + previous.text() + "'";
    return new ParseError(token.pos(), "has '" + token.text() + "'" + after
        + " where a value was expected");
  }

  private void descend() {
    if (++depth > MAX_DEPTH) {
      throw new ParseError(previous.pos(), "nests deeper than " + MAX_DEPTH
          + " levels; split it into several features");
    }
  }

  private Token advance() {
    previous = current;
    current = lexer.next();
    return previous;
  }
}
