package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import org.junit.jupiter.api.Test;

class AllProblemsAtOnceTest {
  static final String BROKEN = """
      name: Sensor_1
      sourse:
        topic: x
      source:
        topic: kafka://ml/raw/in
        schema:
          format: avro
          maxMessageBytes: 0
          fields:
            temp: dbl
            ts: [long]
      stages:
        - name: transform
          type: feature
          output: persistent://ml/out/features
        - name: transform
          type: score
          output: persistent://ml/out/features
          parallelism: 65
          onEror: fail
          model:
            path: m.onnx
            inputs: []
      runtime:
        batchDelay: 5m
      """;

  @Test
  void shouldReportEveryProblemWithPathLineAndValueInLineOrder() {
    assertThat(Specs.problems(BROKEN)).containsExactly(
        "name (line 1): was 'Sensor_1' but it is not a valid name; use lower-case letters, digits and '-', "
            + "starting with a letter or digit, such as 'sensor-warming'",
        "sourse (line 2): was 'sourse' but it is not a known key here; known keys: name, description, key, "
            + "source, stages, feedback, runtime, sinks; did you mean 'source'?",
        "source.topic (line 5): was 'kafka://ml/raw/in' but it has the domain 'kafka' where persistent or "
            + "non-persistent is expected; use the form persistent://tenant/namespace/topic "
            + "(or non-persistent://tenant/namespace/topic)",
        "source.schema.format (line 7): was 'avro' but it is not supported yet; use json",
        "source.schema.maxMessageBytes (line 8): was '0' but it is out of range; use a whole number from 1 to 5242880",
        "source.schema.fields.temp (line 10): was 'dbl' but it is not one of string, int, long, float, double, "
            + "boolean; did you mean 'double'?",
        "source.schema.fields.ts (line 11): was '[long]' but it is a list where a type, or a map with type and "
            + "required, is expected; write 'name: type', such as 'temp: double'",
        "stages[0].type (line 14): was 'feature' but it is not one of features, score; did you mean 'features'?",
        "stages[1].name (line 16): was 'transform' but it is also the name of stages[0]; stage names must be unique",
        "stages[1].output (line 18): was 'persistent://ml/out/features' but it is also stages[0].output; "
            + "each stage needs an output topic of its own",
        "stages[1].parallelism (line 19): was '65' but it is out of range; use a whole number from 1 to 64",
        "stages[1].onEror (line 20): was 'onEror' but it is not a known key here; known keys: name, type, output, "
            + "deadLetterTopic, parallelism, onError, features, windows, enrich, model; did you mean 'onError'?",
        "stages[1].model.name (line 21): was missing but it is required; for example 'name: sensor-warming'",
        "stages[1].model.inputs (line 23): was '[]' but it is empty; add at least one item, such as "
            + "[temp_scaled, hour_sin, hour_cos]",
        "runtime.batchDelay (line 25): was '5m' but it is not a duration; write a whole number with a unit "
            + "ns, us, ms or s, such as 1ms");
  }

  @Test
  void shouldCarryEachProblemAsDataAndRenderThemAllInTheMessage() {
    SpecException e = Specs.exception(BROKEN);

    assertThat(e.problems()).hasSize(15);
    assertThat(e.problems().get(13)).isEqualTo(new SpecProblem("stages[1].model.inputs", 23, "[]",
        "is empty; add at least one item, such as [temp_scaled, hour_sin, hour_cos]"));
    assertThat(e.getMessage()).startsWith("15 problems in the spec:\n  - name (line 1): ");
    assertThat(e.retriable()).isFalse();
  }
}
