package dev.gyre.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelTest {
  private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void shouldKeepEarlierChampionsForRollback() {
    Channel c = Channel.empty("m").promote("1", AT, "me").promote("2", AT, "me").promote("3", AT, "me");

    assertThat(c.champion()).isEqualTo("3");
    assertThat(c.history()).containsExactly("1", "2");
    assertThat(c.rollback(AT, "me").champion()).isEqualTo("2");
    assertThat(c.rollback(AT, "me").rollback(AT, "me").champion()).isEqualTo("1");
    assertThat(c.rollback(AT, "me").rollback(AT, "me").history()).isEmpty();
  }

  @Test
  void shouldRefuseRollbackWithoutAnEarlierChampion() {
    assertThatIllegalStateException().isThrownBy(() -> Channel.empty("m").rollback(AT, "me"))
        .withMessage("'m' has no earlier champion to roll back to");
    assertThatIllegalStateException().isThrownBy(() -> Channel.empty("m").promote("1", AT, "me").rollback(AT, "me"))
        .withMessage("'m' has no earlier champion to roll back to (version 1 serves)");
  }

  @Test
  void shouldRefusePromotingTheChampion() {
    assertThatIllegalStateException().isThrownBy(() -> Channel.empty("m").promote("1", AT, "me").promote("1", AT, "me"))
        .withMessage("version 1 of 'm' is the champion already");
  }

  @Test
  void shouldEndTheCanaryWhenItsVersionIsPromoted() {
    Channel c = Channel.empty("m").promote("1", AT, "me").canary("2", 0.1, AT, "me");

    assertThat(c.canary()).isEqualTo("2");
    assertThat(c.canaryShare()).isEqualTo(0.1);
    Channel promoted = c.promote("2", AT, "me");
    assertThat(promoted.champion()).isEqualTo("2");
    assertThat(promoted.canary()).isNull();
    assertThat(promoted.canaryShare()).isZero();
    assertThat(promoted.history()).containsExactly("1");
  }

  @Test
  void shouldRunAShadowUntilItEndsOrIsPromoted() {
    Channel c = Channel.empty("m").promote("1", AT, "me").shadow("2", AT, "me");

    assertThat(c.shadow()).isEqualTo("2");
    assertThat(c.canary("3", 0.1, AT, "me").shadow()).as("a canary leaves the shadow").isEqualTo("2");
    assertThat(c.promote("3", AT, "me").shadow()).as("another promotion leaves it").isEqualTo("2");
    assertThat(c.promote("2", AT, "me").shadow()).as("promoting the shadow ends it").isNull();
    assertThat(c.shadow(null, AT, "me").shadow()).isNull();
    assertThat(c.promote("3", AT, "me").promote("4", AT, "me").rollback(AT, "me").shadow()).isEqualTo("2");
    assertThatIllegalStateException().isThrownBy(() -> c.shadow("1", AT, "me"))
        .withMessage("version 1 of 'm' is the champion; a shadow must be another version");
  }

  @Test
  void shouldKeepAnotherCanaryAcrossAPromotion() {
    Channel c = Channel.empty("m").promote("1", AT, "me").canary("3", 0.2, AT, "me").promote("2", AT, "me");

    assertThat(c.champion()).isEqualTo("2");
    assertThat(c.canary()).isEqualTo("3");
  }

  @Test
  void shouldEndTheCanaryWithShareZero() {
    Channel c = Channel.empty("m").promote("1", AT, "me").canary("2", 0.3, AT, "me").canary("", 0, AT, "me");

    assertThat(c.canary()).isNull();
    assertThat(c.canaryShare()).isZero();
    assertThat(c.champion()).isEqualTo("1");
  }

  @Test
  void shouldRefuseACanaryWithoutChampionOfTheChampionOrWithABadShare() {
    assertThatIllegalStateException().isThrownBy(() -> Channel.empty("m").canary("2", 0.1, AT, "me"))
        .withMessageContaining("has no champion yet");
    Channel c = Channel.empty("m").promote("1", AT, "me");
    assertThatIllegalStateException().isThrownBy(() -> c.canary("1", 0.1, AT, "me"))
        .withMessageContaining("is the champion; a canary must be another version");
    assertThatIllegalArgumentException().isThrownBy(() -> c.canary("2", 1.5, AT, "me"));
    assertThatIllegalArgumentException().isThrownBy(() -> c.canary("2", Double.NaN, AT, "me"));
  }

  @Test
  void shouldKeepAtMostTwentyEarlierChampions() {
    Channel c = Channel.empty("m");
    for (int v = 1; v <= 30; v++) {
      c = c.promote(Integer.toString(v), AT, "me");
    }

    assertThat(c.history()).hasSize(Channel.HISTORY).first().isEqualTo("10");
    assertThat(c.history()).last().isEqualTo("29");
    assertThat(List.of(c.champion())).containsExactly("30");
  }
}
