package dev.gyre.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.SpecException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageFunctionConfigTest {

  @Test
  void shouldReportEveryMissingKeyWithTheFixAtOnce() {
    assertThatThrownBy(() -> StageFunctionConfig.of(Map.of()))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems()).hasSize(2))
        .hasMessageContaining("--user-config.stage: was missing but it is required; add \"stage\"")
        .hasMessageContaining("--user-config.spec: was missing but it is required, or specPath instead");
  }

  @Test
  void shouldTreatNoUserConfigAsEmpty() {
    assertThatThrownBy(() -> StageFunctionConfig.of(null)).isInstanceOf(SpecException.class)
        .hasMessageContaining("--user-config.stage");
  }

  @Test
  void shouldRejectUnknownKeysListingTheKnownOnes() {
    assertThatThrownBy(() -> StageFunctionConfig.of(Map.of("stage", "s", "spec", "x", "specdir", "/d")))
        .hasMessageContaining("--user-config.specdir: was '/d' but it is not a key Gyre's function reads;"
            + " keys: spec, specDir, specPath, stage");
  }

  @Test
  void shouldRejectSpecTogetherWithSpecPath() {
    assertThatThrownBy(() -> StageFunctionConfig.of(Map.of("stage", "s", "spec", "x", "specPath", "/p.yaml")))
        .hasMessageContaining("--user-config.specPath: was '/p.yaml' but it is given together with spec");
  }

  @Test
  void shouldRejectSpecDirWithSpecPath() {
    assertThatThrownBy(() -> StageFunctionConfig.of(Map.of("stage", "s", "specPath", "/p.yaml", "specDir", "/d")))
        .hasMessageContaining("--user-config.specDir: was '/d' but it only applies to an inline spec");
  }

  @Test
  void shouldRejectValuesThatAreNotStrings() {
    Map<String, Object> config = new HashMap<>(Map.of("stage", 3, "spec", " "));
    assertThatThrownBy(() -> StageFunctionConfig.of(config))
        .hasMessageContaining("--user-config.stage: was '3' but it must be a non-empty string")
        .hasMessageContaining("--user-config.spec: was ' ' but it must be a non-empty string");
  }

  @Test
  void shouldRoundTripThroughTheUserConfigMap() {
    StageFunctionConfig inline = new StageFunctionConfig("score", "name: x", null, Path.of("/srv/gyre"));
    StageFunctionConfig file = new StageFunctionConfig("score", null, Path.of("/srv/gyre/p.yaml"), null);

    assertThat(StageFunctionConfig.of(inline.toUserConfig())).isEqualTo(inline);
    assertThat(StageFunctionConfig.of(file.toUserConfig())).isEqualTo(file);
  }

  @Test
  void shouldNameTheFileWhenTheSpecPathCannotBeRead() {
    StageFunctionConfig config = StageFunctionConfig.of(Map.of("stage", "s", "specPath", "/nonexistent/p.yaml"));
    assertThatThrownBy(config::load).isInstanceOf(SpecException.class)
        .hasMessageContaining("/nonexistent/p.yaml").hasMessageContaining("does not exist");
  }
}
