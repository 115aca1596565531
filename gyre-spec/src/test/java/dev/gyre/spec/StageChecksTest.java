package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageChecksTest {
  /** MINIMAL plus a score stage; its lines start at 13. */
  private static final String TWO_STAGES = Specs.MINIMAL + """
        - name: s
          type: score
          output: persistent://t/n/scores
          model:
            name: m
            path: m.onnx
            inputs: [y]
      """;

  @Test
  void shouldReadParallelismAndErrorPolicy() {
    PipelineSpec spec = Specs.parse(Specs.MINIMAL.replace("    type: features\n",
        "    type: features\n    parallelism: 64\n    onError: fail\n"));

    assertThat(spec.stages().get(0).parallelism()).isEqualTo(64);
    assertThat(spec.stages().get(0).onError()).isEqualTo(ErrorPolicy.FAIL);
  }

  @Test
  void shouldRejectStageNamesThatCannotBeSubscriptionNames() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("- name: f", "- name: My Stage"))).containsExactly(
        "stages[0].name (line 8): was 'My Stage' but it is not a valid name; use lower-case letters, digits and '-', "
            + "starting with a letter or digit, such as 'sensor-warming'");
  }

  @Test
  void shouldRejectDuplicateStageNames() {
    assertThat(Specs.problems(TWO_STAGES.replace("- name: s", "- name: f"))).containsExactly(
        "stages[1].name (line 13): was 'f' but it is also the name of stages[0]; stage names must be unique");
  }

  @Test
  void shouldRequireTypeAndCheckIt() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("    type: features\n", ""))).containsExactly(
        "stages[0].type (line 8): was missing but it is required; use one of features, score");
    assertThat(Specs.problems(Specs.MINIMAL.replace("type: features", "type: Score"))).containsExactly(
        "stages[0].type (line 9): was 'Score' but it is not one of features, score; did you mean 'score'?");
  }

  @Test
  void shouldRequireFeaturesForFeatureStageAndModelForScoreStage() {
    assertThat(Specs.problems(TWO_STAGES.replace("    features:\n      - y = x * 2\n", "")
        .replace("    model:\n      name: m\n      path: m.onnx\n      inputs: [y]\n", ""))).containsExactly(
        "stages[0].features (line 8): was missing but it is required; add a list, such as "
            + "[temp_scaled = (temp - 20) / 10]",
        "stages[1].model (line 11): was missing but it is required; add a 'model:' section with keys name, "
            + "version, format, path, url, inputs, registry, remote");
  }

  @Test
  void shouldRejectKeysOfTheOtherStageType() {
    assertThat(Specs.problems(TWO_STAGES.replace("    inputs: [y]\n", "    inputs: [y]\n    features: [z = 1]\n")
        .replace("    output: persistent://t/n/out\n", "    output: persistent://t/n/out\n    model: {}\n")))
        .containsExactly(
            "stages[0].model (line 11): was '{}' but it is only used by stages of type score; remove it, or set "
                + "type: score",
            "stages[1].features (line 21): was '[z = 1]' but it is only used by stages of type features; remove it, "
                + "or set type: features");
  }

  @Test
  void shouldRejectOutputEqualToSourceTopic() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("persistent://t/n/out", "persistent://t/n/in")))
        .containsExactly("stages[0].output (line 10): was 'persistent://t/n/in' but it is also source.topic; a stage "
            + "must not write to the topic the pipeline reads, or it would read its own output");
  }

  @Test
  void shouldRejectOutputEqualToAnotherStagesOutput() {
    assertThat(Specs.problems(TWO_STAGES.replace("persistent://t/n/scores", "persistent://t/n/out")))
        .containsExactly("stages[1].output (line 15): was 'persistent://t/n/out' but it is also stages[0].output; "
            + "each stage needs an output topic of its own");
  }

  @Test
  void shouldRejectDeadLetterTopicEqualToAnOutput() {
    String own = Specs.MINIMAL.replace("    type: features\n",
        "    type: features\n    deadLetterTopic: persistent://t/n/out\n");
    assertThat(Specs.problems(own)).containsExactly("stages[0].deadLetterTopic (line 10): was 'persistent://t/n/out' "
        + "but it is also stages[0].output; dead letters need a topic that no stage reads or writes");
    String source = Specs.MINIMAL.replace("    type: features\n",
        "    type: features\n    deadLetterTopic: persistent://t/n/in\n");
    assertThat(Specs.problems(source)).containsExactly("stages[0].deadLetterTopic (line 10): was 'persistent://t/n/in' "
        + "but it is also source.topic; dead letters need a topic that no stage reads or writes");
  }

  @Test
  void shouldRejectDefaultDeadLetterTopicThatIsAnotherOutput() {
    assertThat(Specs.problems(TWO_STAGES.replace("persistent://t/n/scores", "persistent://t/n/out-dlq")))
        .containsExactly("stages[0].deadLetterTopic (line 8): was missing but it defaults to 'persistent://t/n/out-dlq', "
            + "which is also stages[1].output; set deadLetterTopic to a topic of its own");
  }

  @Test
  void shouldBoundParallelismAndCheckErrorPolicy() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("    type: features\n",
        "    type: features\n    parallelism: 0\n    onError: skip\n"))).containsExactly(
        "stages[0].parallelism (line 10): was '0' but it is out of range; use a whole number from 1 to 64",
        "stages[0].onError (line 11): was 'skip' but it is not one of dead-letter, fail");
  }

  @Test
  void shouldRequireModelNamePathAndUniqueInputs() {
    assertThat(Specs.problems(TWO_STAGES.replace("      name: m\n      path: m.onnx\n", "      version: 2\n")
        .replace("[y]", "[y, hour sin, y]"))).containsExactly(
        "stages[1].model.name (line 16): was missing but it is required; for example 'name: sensor-warming'",
        "stages[1].model.path (line 16): was missing but it is required; for example "
            + "'path: model/sensor-warming.onnx'",
        "stages[1].model.inputs[1] (line 18): was 'hour sin' but it is not a valid feature name; use letters, "
            + "digits and '_', not starting with a digit, such as 'temp_scaled'",
        "stages[1].model.inputs[2] (line 18): was 'y' but it repeats stages[1].model.inputs[0]; list each input once");
  }

  @Test
  void shouldRequireAtLeastOneStage() {
    assertThat(Specs.problems(Specs.MINIMAL.substring(0, Specs.MINIMAL.indexOf("stages:")) + "stages: []\n"))
        .containsExactly("stages (line 7): was '[]' but it is empty; add at least one item with keys name, type, output, "
            + "deadLetterTopic, parallelism, onError, features, windows, enrich, model");
  }
}
