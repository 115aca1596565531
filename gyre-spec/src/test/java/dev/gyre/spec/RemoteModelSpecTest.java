package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A score stage whose model is served by a KServe v2 model server: {@code url} and {@code remote}. */
class RemoteModelSpecTest {
  /** MINIMAL plus a score stage; the model's keys start at line 17. */
  private static final String REMOTE = Specs.MINIMAL + """
        - name: s
          type: score
          output: persistent://t/n/scores
          model:
            name: m
            format: kserve-v2
            url: http://models:8000/
            inputs: [y]
      """;

  private static ModelSpec model(String yaml) {
    return ((ScoreStageSpec) Specs.parse(yaml).stages().get(1)).model();
  }

  @Test
  void shouldReadUrlWithoutPathAndApplyEveryRemoteDefault() {
    ModelSpec model = model(REMOTE);

    assertThat(model).isEqualTo(ModelSpec.remote("m", "1", URI.create("http://models:8000"), List.of("y"),
        new RemoteSpec(Duration.ofSeconds(1), 2, Duration.ofMillis(50), 4, 5, Duration.ofSeconds(5), null, List.of())));
    assertThat(model.isRemote()).isTrue();
    assertThat(model.path()).isNull();
  }

  @Test
  void shouldReadEveryRemoteKey() {
    ModelSpec model = model(REMOTE + """
              remote:
                timeout: 250ms
                retries: 0
                backoff: 10ms
                maxConcurrency: 16
                circuitBreaker: {failures: 3, coolDown: 2s}
                fallback: {label: "0", probability: 0.25}
                labels: [cold, warming]
        """);

    RemoteSpec remote = model.remote();
    assertThat(remote).isEqualTo(new RemoteSpec(Duration.ofMillis(250), 0, Duration.ofMillis(10), 16, 3,
        Duration.ofSeconds(2), new RemoteSpec.Fallback("0", 0.25), List.of("cold", "warming")));
    assertThat(remote.options()).isEqualTo(Map.of("timeout", "PT0.25S", "retries", "0", "backoff", "PT0.01S",
        "maxConcurrency", "16", "circuitFailures", "3", "circuitCoolDown", "PT2S", "fallback", "value",
        "fallbackLabel", "0", "fallbackProbability", "0.25", "labels", "cold,warming"));
  }

  @Test
  void shouldRequireUrlAndRefusePathAndRegistryForRemoteFormat() {
    assertThat(Specs.problems(REMOTE.replace("      url: http://models:8000/\n",
        "      path: m.onnx\n      registry: ml/models\n"))).containsExactly(
        "stages[1].model.url (line 16): was missing but it is required for format kserve-v2; for example "
            + "'url: http://localhost:8000'",
        "stages[1].model.path (line 19): was 'm.onnx' but it is not used by format kserve-v2, which calls the "
            + "model server at url; remove it",
        "stages[1].model.registry (line 20): was 'ml/models' but it is not used by format kserve-v2, which calls "
            + "the model server at url; remove it");
  }

  @Test
  void shouldRefuseUrlAndRemoteForFileFormats() {
    assertThat(Specs.problems(REMOTE.replace("format: kserve-v2", "format: onnx")
        .replace("    inputs: [y]\n", "    inputs: [y]\n      remote: {retries: 1}\n"))).containsExactly(
        "stages[1].model.path (line 16): was missing but it is required; for example 'path: model/sensor-warming.onnx'",
        "stages[1].model.url (line 19): was 'http://models:8000/' but it is only used by format kserve-v2; remove "
            + "it, or set format: kserve-v2",
        "stages[1].model.remote (line 21): was '{retries: 1}' but it is only used by format kserve-v2; remove it, "
            + "or set format: kserve-v2");
  }

  @Test
  void shouldReportBadUrlAndRemoteValuesWithPathAndLine() {
    assertThat(Specs.problems(REMOTE.replace("http://models:8000/", "models:8000") + """
              remote:
                timeout: 0
                retries: 11
                circuitBreaker: {failures: 0}
                fallback: zero
                labels: [a, "b,c", a]
        """)).containsExactly(
        "stages[1].model.url (line 19): was 'models:8000' but it is not an http:// or https:// URL with a host and "
            + "without ?query or #fragment; write the server's base URL, such as 'http://localhost:8000'",
        "stages[1].model.remote.timeout (line 22): was '0' but it is out of range; use a duration from 1ms to 60s",
        "stages[1].model.remote.retries (line 23): was '11' but it is out of range; use a whole number from 0 to 10",
        "stages[1].model.remote.circuitBreaker.failures (line 24): was '0' but it is out of range; use a whole number "
            + "from 1 to 1000",
        "stages[1].model.remote.fallback (line 25): was 'zero' but it is neither dead-letter nor a map with label "
            + "and probability; write 'fallback: dead-letter' or 'fallback: {label: \"0\", probability: 0.0}'",
        "stages[1].model.remote.labels[1] (line 26): was 'b,c' but it is not a usable label; write a non-empty "
            + "label without commas",
        "stages[1].model.remote.labels[2] (line 26): was 'a' but it repeats stages[1].model.remote.labels[0]; list "
            + "each label once");
  }

  @Test
  void shouldRequireFallbackLabelAndFiniteProbability() {
    assertThat(Specs.problems(REMOTE + """
              remote:
                fallback: {probability: .nan}
        """)).containsExactly(
        "stages[1].model.remote.fallback.label (line 22): was missing but it is required; for example 'label: \"0\"'",
        "stages[1].model.remote.fallback.probability (line 22): was '.nan' but it is not a finite number; write a "
            + "decimal number such as 0.5");
  }
}
