package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example newcomers start from must always load. */
class ExampleSpecTest {
  /** Surefire runs in the module directory; the example lives at the repository root. */
  static final Path EXAMPLE = Path.of("..", "examples", "sensor", "pipeline.yaml");

  @Test
  void shouldLoadSensorExample() {
    SpecDocument doc = SpecLoader.load(EXAMPLE);
    PipelineSpec spec = doc.spec();

    assertThat(spec.name()).isEqualTo("sensor");
    FeatureStageSpec transform = (FeatureStageSpec) spec.stages().get(0);
    assertThat(transform.features()).extracting(FeatureSpec::toString).containsExactly(
        "temp_scaled = (temp - 20) / 10",
        "alert = temp_scaled > 1.5",
        "hour = floor((ts % 86400) / 3600)",
        "hour_sin = sin(2 * 3.141592653589793 * hour / 24)",
        "hour_cos = cos(2 * 3.141592653589793 * hour / 24)");
    ScoreStageSpec score = (ScoreStageSpec) spec.stages().get(1);
    assertThat(score.model().path())
        .isEqualTo(EXAMPLE.toAbsolutePath().normalize().getParent().resolve("model/sensor-warming.onnx"));
    assertThat(score.model().inputs()).isEqualTo(List.of("temp_scaled", "hour_sin", "hour_cos"));
    assertThat(spec.runtime()).isEqualTo(RuntimeSpec.defaults());
  }

  @Test
  void shouldFeedScoreStageOnlyWithFeaturesComputedBeforeIt() {
    PipelineSpec spec = SpecLoader.load(EXAMPLE).spec();
    List<String> computed = ((FeatureStageSpec) spec.stages().get(0)).features().stream()
        .map(FeatureSpec::name).toList();

    assertThat(computed).containsAll(((ScoreStageSpec) spec.stages().get(1)).model().inputs());
  }
}
