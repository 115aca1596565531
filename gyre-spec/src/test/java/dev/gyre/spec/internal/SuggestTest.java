package dev.gyre.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
  private static final List<String> STAGE_KEYS =
      List.of("name", "type", "output", "deadLetterTopic", "parallelism", "onError", "features", "model");

  @Test
  void shouldSuggestTyposCaseSlipsAndAbbreviations() {
    assertThat(Suggest.closest("outptu", STAGE_KEYS)).isEqualTo("output");
    assertThat(Suggest.closest("onerror", STAGE_KEYS)).isEqualTo("onError");
    assertThat(Suggest.closest("deadLetterTopik", STAGE_KEYS)).isEqualTo("deadLetterTopic");
    assertThat(Suggest.closest("feature", STAGE_KEYS)).isEqualTo("features");
    assertThat(Suggest.closest("dbl", List.of("double", "int"))).isEqualTo("double");
  }

  @Test
  void shouldNotSuggestUnrelatedWords() {
    assertThat(Suggest.closest("owner", STAGE_KEYS)).isNull();
    assertThat(Suggest.closest("x", STAGE_KEYS)).isNull();
    assertThat(Suggest.clause("owner", STAGE_KEYS)).isEmpty();
  }
}
