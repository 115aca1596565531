package dev.gyre.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void shouldReadDurationsInEveryUnit() {
    assertThat(Values.duration("1ms", 0, Long.MAX_VALUE)).isEqualTo(Duration.ofMillis(1));
    assertThat(Values.duration("250us", 0, Long.MAX_VALUE)).isEqualTo(Duration.ofNanos(250_000));
    assertThat(Values.duration("10ns", 0, Long.MAX_VALUE)).isEqualTo(Duration.ofNanos(10));
    assertThat(Values.duration("1s", 0, Long.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Values.duration("0", 0, Long.MAX_VALUE)).isZero();
  }

  @Test
  void shouldRejectDurationsWithoutUnitOrOutOfRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> Values.duration("5", 0, 1_000))
        .withMessageStartingWith("is not a duration");
    assertThatIllegalArgumentException().isThrownBy(() -> Values.duration("99999999999999999999s", 0, 1_000))
        .withMessage("is out of range; use a duration from 0s to 1us");
  }

  @Test
  void shouldShowDurationsInLargestExactUnit() {
    assertThat(Values.show(Duration.ofSeconds(1))).isEqualTo("1s");
    assertThat(Values.show(Duration.ofNanos(1_500_000))).isEqualTo("1500us");
    assertThat(Values.show(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void shouldReadWholeNumbersWithUnderscores() {
    assertThat(Values.integer("10_000", 1, 100_000)).isEqualTo(10_000);
    assertThatIllegalArgumentException().isThrownBy(() -> Values.integer("1.5", 1, 10))
        .withMessage("is not a whole number from 1 to 10");
    assertThatIllegalArgumentException().isThrownBy(() -> Values.integer("99999999999999999999", 1, 10))
        .withMessage("is out of range; use a whole number from 1 to 10");
  }

  @Test
  void shouldReadBooleansAndChoices() {
    assertThat(Values.bool("False")).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> Values.bool("yes"))
        .withMessage("is not a boolean; use true or false");
    assertThatIllegalArgumentException().isThrownBy(() -> Values.choice("dead_letter", List.of("dead-letter", "fail")))
        .withMessage("is not one of dead-letter, fail; did you mean 'dead-letter'?");
  }
}
