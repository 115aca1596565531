package dev.gyre.formula.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** The parser's own guarantees, independent of the length limit that normally comes first. */
class ParserTest {

  @Test
  void shouldStopTenThousandParenthesesAtDepthLimitWithoutStackOverflow() {
    String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    ParseError error = catchThrowableOfType(ParseError.class, () -> Parser.parse(deep));
    assertThat(error.pos).isEqualTo(Parser.MAX_DEPTH);
    assertThat(error.getMessage()).startsWith("nests deeper than 64 levels");
  }

  @Test
  void shouldStopHundredThousandUnaryMinusesWithoutStackOverflow() {
    ParseError error = catchThrowableOfType(ParseError.class,
        () -> Parser.parse("-".repeat(100_000) + "1"));
    assertThat(error.pos).isEqualTo(Parser.MAX_DEPTH);
  }

  @Test
  void shouldBuildLeftAssociativeTreeForSubtraction() {
    Expr.Binary outer = (Expr.Binary) Parser.parse("10 - 4 - 3");
    assertThat(outer.left()).isInstanceOf(Expr.Binary.class);
    assertThat(outer.right()).isEqualTo(new Expr.NumberLiteral(3, 9, 10));
  }
}
