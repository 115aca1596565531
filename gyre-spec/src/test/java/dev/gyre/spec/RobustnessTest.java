package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gyre.api.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever one line of a spec says, loading either succeeds or reports problems: it never crashes. */
class RobustnessTest {
  private static final List<String> REPLACEMENTS = List.of("", "[]", "{}", "[a, b]", "{a: 1}", "~", "0", "-1",
      "x y", "persistent://t/n/t", "\"\"");

  static Stream<String> oneLineEdits() {
    String[] lines = Specs.seed().split("\n");
    List<String> edits = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      edits.add(join(lines, i, null));
      int colon = lines[i].indexOf(": ");
      int dash = lines[i].indexOf("- ");
      int cut = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : -1;
      for (String replacement : cut < 0 ? List.<String>of() : REPLACEMENTS) {
        edits.add(join(lines, i, lines[i].substring(0, cut) + replacement));
      }
    }
    return edits.stream();
  }

  private static String join(String[] lines, int at, String replacement) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i != at || replacement != null) {
        out.append(i == at ? replacement : lines[i]).append('\n');
      }
    }
    return out.toString();
  }

  @ParameterizedTest
  @MethodSource("oneLineEdits")
  void shouldLoadOrReportProblemsButNeverCrash(String yaml) {
    Throwable thrown = catchThrowable(() -> SpecLoader.parse(yaml, Specs.BASE));

    if (thrown != null) {
      assertThat(thrown).as(yaml).isInstanceOf(SpecException.class);
      assertThat(((SpecException) thrown).problems()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
    }
  }
}
