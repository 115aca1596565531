package dev.gyre.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class SpecKeysTest {

  @Test
  void shouldParseEveryDefaultByTheRulesOfItsOwnKey() {
    for (Option option : SpecKeys.ALL) {
      if (option.defaultValue() == null) {
        continue;
      }
      String text = option.defaultValue();
      assertThatCode(() -> {
        switch (option.kind()) {
          case INT -> Values.integer(text, option.min(), option.max());
          case DURATION -> {
            if (option.allowed().contains("m, h, d")) {
              WindowDurations.parse(text, java.time.Duration.ofNanos(option.min()),
                  java.time.Duration.ofNanos(option.max()));
            } else {
              Values.duration(text, option.min(), option.max());
            }
          }
          case BOOLEAN -> Values.bool(text);
          case NUMBER -> Values.number(text);
          case CHOICE -> Values.choice(text, option.choices());
          case TEXT -> assertThat(text).isNotBlank();
          default -> throw new AssertionError(option.path() + " has a default of an unexpected kind");
        }
      }).as(option.path()).doesNotThrowAnyException();
    }
  }

  @Test
  void shouldGiveExamplesForRequiredValuesSoMissingKeysCanBeExplained() {
    assertThat(SpecKeys.ALL).filteredOn(o -> o.required() && o.kind() != Option.Kind.MAP
            && o.kind() != Option.Kind.CHOICE && o.kind() != Option.Kind.LIST)
        .allSatisfy(o -> assertThat(o.example()).as(o.path()).isNotNull());
  }

  @Test
  void shouldListKeysOfEachSectionInReferenceOrder() {
    assertThat(SpecKeys.childrenOf("source").stream().map(Option::key)).containsExactly("topic", "schema");
    assertThat(SpecKeys.childrenOf("").stream().map(Option::key))
        .containsExactly("name", "description", "key", "source", "stages", "feedback", "runtime", "sinks");
  }
}
