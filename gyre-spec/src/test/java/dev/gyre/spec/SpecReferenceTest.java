package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.spec.internal.Option;
import dev.gyre.spec.internal.ReferenceTable;
import dev.gyre.spec.internal.SpecKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/spec-reference.md is tested against the one table of keys, so the two cannot drift. */
class SpecReferenceTest {
  /** Surefire runs in the module directory; the docs live at the repository root. */
  private static final Path REFERENCE = Path.of("..", "docs", "spec-reference.md");
  private static final String START = "<!-- keys:start";
  private static final String END = "<!-- keys:end -->";

  private static String reference() throws IOException {
    return Files.readString(REFERENCE, StandardCharsets.UTF_8);
  }

  @Test
  void shouldDocumentEveryKeyTheLoaderKnows() throws IOException {
    String doc = reference();

    assertThat(SpecKeys.ALL).allSatisfy(option -> assertThat(doc)
        .as("docs/spec-reference.md must document %s", option.path())
        .contains("| `" + option.path() + "` |"));
  }

  @Test
  void shouldShowKeyTableExactlyAsTheLoaderDefinesIt() throws IOException {
    String doc = reference();
    String table = doc.substring(doc.indexOf('\n', doc.indexOf(START)) + 1, doc.indexOf(END));

    assertThat(table)
        .as("the keys table in docs/spec-reference.md is stale; replace it with ReferenceTable.markdown()")
        .isEqualTo(ReferenceTable.markdown());
  }

  @Test
  void shouldLoadTheExampleInTheReference() throws IOException {
    String doc = reference();
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    String example = doc.substring(start, doc.indexOf("```", start));

    assertThat(Specs.parse(example)).isEqualTo(Specs.parse(Specs.seed()));
  }

  @Test
  void shouldQuoteProblemsExactlyAsTheLoaderWritesThem() throws IOException {
    String doc = reference();
    String problems = doc.substring(doc.indexOf("## Problems"));
    List<String> quoted = Arrays.stream(problems.split("\n")).filter(l -> l.startsWith("  - "))
        .map(l -> l.substring(4)).toList();

    assertThat(quoted).isNotEmpty();
    assertThat(Specs.problems(AllProblemsAtOnceTest.BROKEN)).containsAll(quoted);
  }

  @Test
  void shouldDefineEveryKeyOnceWithADocAndNoDefaultOnRequiredKeys() {
    assertThat(SpecKeys.ALL.stream().map(Option::path)).doesNotHaveDuplicates();
    assertThat(SpecKeys.ALL).allSatisfy(option -> {
      assertThat(option.doc()).isNotBlank();
      if (option.required()) {
        assertThat(option.defaultValue()).as(option.path()).isNull();
      }
    });
  }
}
