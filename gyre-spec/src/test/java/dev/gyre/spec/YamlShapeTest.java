package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlShapeTest {

  @Test
  void shouldSuggestClosestKnownKeyForUnknownKey() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("  topic: persistent://t/n/in", "  topik: persistent://t/n/in")))
        .containsExactly(
            "source.topic (line 2): was missing but it is required; for example "
                + "'topic: persistent://ml/raw/sensor-input'",
            "source.topik (line 3): was 'topik' but it is not a known key here; known keys: topic, schema; "
                + "did you mean 'topic'?");
  }

  @Test
  void shouldListKnownKeysWithoutSuggestionWhenNothingIsClose() {
    assertThat(Specs.problems(Specs.MINIMAL + "owner: team-ml\n")).containsExactly(
        "owner (line 13): was 'owner' but it is not a known key here; known keys: name, description, key, source, "
            + "stages, feedback, runtime, sinks");
  }

  @Test
  void shouldCheckKeysOfLongFormFields() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("x: double", "x: {type: double, optional: true}")))
        .containsExactly("source.schema.fields.x.optional (line 6): was 'optional' but it is not a known key here; "
            + "known keys: type, required");
  }

  @Test
  void shouldRejectRepeatedKeys() {
    assertThat(Specs.problems("name: a\n" + Specs.MINIMAL)).containsExactly(
        "name (line 2): was 'name' but it is given twice, first on line 1; keep one");
  }

  @Test
  void shouldRejectValuesOfTheWrongKind() {
    assertThat(Specs.problems(Specs.MINIMAL
        .replace("name: p", "name: [p]")
        .replace("- y = x * 2", "- {y: x * 2}")
        + "runtime: fast\n")).containsExactly(
        "name (line 1): was '[p]' but it is a list where a single value is expected",
        "stages[0].features[0] (line 12): was '{y: x * 2}' but it is a map where a line 'name = expression' "
            + "is expected",
        "runtime (line 13): was 'fast' but it is a single value where a map is expected with keys batchDelay, "
            + "receiverQueueSize, maxPendingMessages, microBatchEvents, microBatchWait");
  }

  @Test
  void shouldRejectStageThatIsNotAMap() {
    assertThat(Specs.problems(Specs.MINIMAL + "  - transform\n")).containsExactly(
        "stages[1] (line 13): was 'transform' but it is a single value where a map is expected with keys name, "
            + "type, output, deadLetterTopic, parallelism, onError, features, windows, enrich, model");
  }

  @Test
  void shouldTreatEmptyValueAsMissing() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("name: p", "name:"))).containsExactly(
        "name (line 1): was missing but it is required; for example 'name: sensor'");
  }

  @Test
  void shouldReportInvalidYamlAsOneProblemAtItsLine() {
    assertThat(Specs.problems("name: p\nsource:\n  topic: [a\n  schema: x\n")).containsExactly(
        "(document) (line 4): was 'schema: x' but it is not valid YAML: while parsing a flow sequence started on "
            + "line 3, expected ',' or ']', but got : at column 9");
    assertThat(Specs.problems("name: p\nsource: topic: x\n")).containsExactly(
        "(document) (line 2): was 'source: topic: x' but it is not valid YAML: mapping values are not allowed here "
            + "at column 14");
  }

  @Test
  void shouldReportSecondDocumentInOneFile() {
    assertThat(Specs.problems(Specs.MINIMAL + "---\nname: q\n")).singleElement().asString()
        .isEqualTo("(document) (line 13): was '---' but it is not valid YAML: expected a single document in the "
            + "stream started on line 1, but found another document at column 1");
  }

  @Test
  void shouldReportEmptyDocument() {
    assertThat(Specs.problems("# nothing yet\n")).containsExactly(
        "(document): was '' but it is empty; a spec needs at least name, source and stages");
  }

  @Test
  void shouldReportDocumentThatIsNotAMap() {
    assertThat(Specs.problems("- name: p\n")).containsExactly(
        "(document) (line 1): was '[{name: p}]' but it is a list where a map is expected; a spec starts with keys "
            + "such as 'name:', 'source:' and 'stages:'");
  }

  @Test
  void shouldReportMissingTopLevelKeysWithoutLine() {
    assertThat(Specs.problems("description: nothing else\n")).containsExactly(
        "name: was missing but it is required; for example 'name: sensor'",
        "source: was missing but it is required; add a 'source:' section with keys topic, schema",
        "stages: was missing but it is required; add a list with keys name, type, output, deadLetterTopic, "
            + "parallelism, onError, features, windows, enrich, model");
  }
}
