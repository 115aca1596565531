package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.api.SpecProblem;
import org.junit.jupiter.api.Test;

class SpecLocationsTest {
  private final SpecLocations seed = SpecLoader.parse(Specs.seed(), Specs.BASE).locations();

  @Test
  void shouldGiveLineOfKeyForMapEntriesAndOfItemForListItems() {
    assertThat(seed.lineOf("name")).isEqualTo(1);
    assertThat(seed.lineOf("source.schema.fields.temp")).isEqualTo(11);
    assertThat(seed.lineOf("source.schema.fields.site.required")).isEqualTo(13);
    assertThat(seed.lineOf("stages")).isEqualTo(14);
    assertThat(seed.lineOf("stages[1]")).isEqualTo(21);
    assertThat(seed.lineOf("stages[0].features[1]")).isEqualTo(20);
    assertThat(seed.lineOf("stages[1].model.inputs[0]")).isEqualTo(32);
  }

  @Test
  void shouldFallBackToNearestAncestorThenZero() {
    assertThat(seed.lineOf("stages[0].parallelism")).isEqualTo(15);
    assertThat(seed.lineOf("stages[0].model.inputs[3]")).isEqualTo(15);
    assertThat(seed.lineOf("nothing.here")).isZero();
  }

  @Test
  void shouldGiveScalarValuesOnly() {
    assertThat(seed.valueAt("source.schema.fields.temp")).isEqualTo("double");
    assertThat(seed.valueAt("stages[1].model.version")).isEqualTo("1");
    assertThat(seed.valueAt("stages[1].model.inputs")).isNull();
    assertThat(seed.valueAt("stages[1].deadLetterTopic")).isEqualTo("persistent://ml/predictions/sensor-warming-dlq");
    assertThat(seed.valueAt("absent")).isNull();
  }

  @Test
  void shouldBuildProblemsWithLineAndValue() {
    assertThat(seed.problem("stages[1].model.inputs", "has too many inputs")).isEqualTo(
        new SpecProblem("stages[1].model.inputs", 32, "[temp_scaled, hour_sin, hour_cos]", "has too many inputs"));
    assertThat(seed.problem("stages[0].parallelism", "is needed here").toString())
        .isEqualTo("stages[0].parallelism (line 15): was missing but it is needed here");
  }

  @Test
  void shouldKnowNothingForSpecsBuiltInCode() {
    assertThat(SpecLocations.empty().problem("stages[0].output", "is wrong").toString())
        .isEqualTo("stages[0].output: was missing but it is wrong");
  }
}
