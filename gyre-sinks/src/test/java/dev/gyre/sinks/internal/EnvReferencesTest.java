package dev.gyre.sinks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.StageException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvReferencesTest {
  private static final Map<String, String> ENV = Map.of("PGPASSWORD", "s3cr$t\\1", "HOST", "db");

  @Test
  void shouldReplaceReferencesAndDoubleDollars() {
    assertThat(EnvReferences.resolve("${PGPASSWORD}", ENV::get, "x")).isEqualTo("s3cr$t\\1");
    assertThat(EnvReferences.resolve("jdbc:postgresql://${HOST}:5432/p$$", ENV::get, "x"))
        .isEqualTo("jdbc:postgresql://db:5432/p$");
    assertThat(EnvReferences.resolve("plain", ENV::get, "x")).isEqualTo("plain");
    assertThat(EnvReferences.resolve(null, ENV::get, "x")).isNull();
  }

  @Test
  void shouldNameTheSettingAndTheVariableThatIsNotSet() {
    assertThatThrownBy(() -> EnvReferences.resolve("${NOPE}", ENV::get, "sink 'db' password"))
        .isInstanceOf(StageException.class)
        .hasMessage("sink 'db' password refers to ${NOPE}, which is not set in the environment; set it before "
            + "starting the pipeline");
  }
}
