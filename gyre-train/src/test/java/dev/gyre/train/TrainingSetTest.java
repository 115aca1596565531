package dev.gyre.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.ModelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSetTest {

  @Test
  void shouldCopyRowsSoLaterChangesDoNotLeakIn() {
    float[] row = {1, 2};
    List<float[]> rows = new ArrayList<>(List.of(row));
    TrainingSet set = new TrainingSet(List.of("a", "b"), rows, List.of("x"));
    row[0] = 99;
    rows.clear();
    set.rows().get(0)[1] = 42;
    assertThat(set.size()).isEqualTo(1);
    assertThat(set.value(0, 0)).isEqualTo(1f);
    assertThat(set.value(0, 1)).isEqualTo(2f);
  }

  @Test
  void shouldListEveryShapeProblemAtOnce() {
    assertThatThrownBy(() -> new TrainingSet(List.of("a", "a"),
            List.of(new float[] {1, 2}, new float[] {1}, new float[] {1, Float.NaN}), List.of("x", "y")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("feature names [a, a] must be distinct")
        .hasMessageContaining("there are 3 rows but 2 labels")
        .hasMessageContaining("row 1 has 1 values but there are 2 features")
        .hasMessageContaining("row 2 feature 'a' was NaN but it must be finite");
  }

  @Test
  void shouldRejectCommasBecauseMetadataListsAreCommaSeparated() {
    assertThatThrownBy(() -> new TrainingSet(List.of("a,b"), List.of(new float[] {1}), List.of("x, y")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("feature name 0 was 'a,b'")
        .hasMessageContaining("label 0 was 'x, y'");
  }

  @Test
  void shouldRejectEmptySet() {
    assertThatThrownBy(() -> new TrainingSet(List.of(), List.of(), List.of()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("at least one feature")
        .hasMessageContaining("at least one row");
  }
}
