package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model inputs: names in order, and the long form that gives a missing value a default. */
class ModelInputsSpecTest {
  /** MINIMAL plus a score stage; the inputs list starts at line 19. */
  private static String withInputs(String inputs) {
    return Specs.MINIMAL + """
          - name: s
            type: score
            output: persistent://t/n/scores
            model:
              name: m
              path: m.onnx
              inputs:
        """ + inputs;
  }

  private static ModelSpec model(String yaml) {
    return ((ScoreStageSpec) Specs.parse(yaml).stages().get(1)).model();
  }

  @Test
  void shouldReadShortAndLongFormsInOrderWithTheirDefaults() {
    ModelSpec model = model(withInputs("""
                - y
                - {name: x, missing: 0.5}
                - {name: z}
                - {name: w, missing: dead-letter}
        """));

    assertThat(model.inputs()).containsExactly("y", "x", "z", "w");
    assertThat(model.missing()).isEqualTo(Map.of("x", 0.5));
  }

  @Test
  void shouldReportABadDefaultAnUnknownKeyAndAMissingNameWithTheirLines() {
    assertThat(Specs.problems(withInputs("""
                - {name: x, missing: none}
                - {name: y, default: 1}
                - {missing: 2}
        """))).isEqualTo(List.of(
        "stages[1].model.inputs[0].missing (line 20): was 'none' but it is neither 'dead-letter' nor a finite number;"
            + " write 'missing: 0.0' to score a missing value as 0, or leave it out to dead-letter the event",
        "stages[1].model.inputs[1].default (line 21): was 'default' but it is not a known key here; known keys:"
            + " name, missing",
        "stages[1].model.inputs[2].name (line 22): was missing but it is required; for example 'name: humidity'"));
  }
}
