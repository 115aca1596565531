package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code enrich} list of a features stage: how it reads, and every mistake it reports. */
class EnrichBlockTest {
  private static final String SPEC = """
      name: p
      source:
        topic: persistent://t/n/in
        schema:
          fields: {deviceId: string, temp: double}
      stages:
        - name: f
          type: features
          output: persistent://t/n/out
          enrich:
            - %s
          features:
            - hot = temp > threshold
      """;

  private static String spec(String entry) {
    return SPEC.formatted(entry);
  }

  @Test
  void shouldReadAnEntryWithTypedFieldsAndDefaults() {
    FeatureStageSpec stage = (FeatureStageSpec) Specs.parse(spec("{table: persistent://ml/reference/devices, "
        + "key: deviceId, fields: {site: string, floor: long, threshold: double, active: boolean}, "
        + "missing: defaults, defaults: {site: unknown, threshold: 30, active: true}}")).stages().get(0);

    assertThat(stage.enrich()).containsExactly(new EnrichSpec("persistent://ml/reference/devices", "deviceId",
        List.of(new FieldSpec("site", FieldType.STRING, true), new FieldSpec("floor", FieldType.LONG, true),
            new FieldSpec("threshold", FieldType.DOUBLE, true), new FieldSpec("active", FieldType.BOOLEAN, true)),
        "", EnrichSpec.OnMissing.DEFAULTS, Map.of("site", "unknown", "threshold", 30.0, "active", true)));
  }

  @Test
  void shouldDeadLetterByDefaultAndApplyThePrefix() {
    FeatureStageSpec stage = (FeatureStageSpec) Specs.parse(spec("{table: persistent://ml/reference/devices, "
        + "key: deviceId, prefix: dev_, fields: {threshold: double}}")).stages().get(0);

    EnrichSpec enrich = stage.enrich().get(0);
    assertThat(enrich.missing()).isEqualTo(EnrichSpec.OnMissing.DEAD_LETTER);
    assertThat(enrich.defaults()).isEmpty();
    assertThat(enrich.outputNames()).containsExactly("dev_threshold");
  }

  @Test
  void shouldAllowAStageWithEnrichOnly() {
    String yaml = spec("{table: persistent://ml/reference/devices, key: deviceId, fields: {site: string}}")
        .replace("    features:\n      - hot = temp > threshold\n", "");

    FeatureStageSpec stage = (FeatureStageSpec) Specs.parse(yaml).stages().get(0);

    assertThat(stage.features()).isEmpty();
    assertThat(stage.enrich()).hasSize(1);
  }

  @Test
  void shouldReportEveryMistakeWithPathAndLine() {
    assertThat(Specs.problems(spec("{table: ml/devices, key: 1device, prefix: dev-, fields: {site: strin, floor: long}, "
        + "missing: default, defaults: {flor: 3}}"))).containsExactly(
        "stages[0].enrich[0].table (line 11): was 'ml/devices' but it is not a full topic name; "
            + "use the form persistent://tenant/namespace/topic (or non-persistent://tenant/namespace/topic)",
        "stages[0].enrich[0].key (line 11): was '1device' but it is not a valid field name; use letters, digits "
            + "and '_', not starting with a digit, such as 'temp_scaled'",
        "stages[0].enrich[0].prefix (line 11): was 'dev-' but it is not a valid prefix; use letters, digits and "
            + "'_', such as 'device_'",
        "stages[0].enrich[0].fields.site (line 11): was 'strin' but it is not one of string, int, long, float, "
            + "double, boolean; did you mean 'string'?",
        "stages[0].enrich[0].missing (line 11): was 'default' but it is not one of dead-letter, defaults; "
            + "did you mean 'defaults'?",
        "stages[0].enrich[0].defaults.flor (line 11): was '3' but it is not one of the fields (floor); did you mean 'floor'?");
  }

  @Test
  void shouldReportDefaultsOfTheWrongTypeAndAMissingDefaultsMap() {
    assertThat(Specs.problems(spec("{table: persistent://ml/reference/devices, key: deviceId, "
        + "fields: {floor: long, active: boolean}, defaults: {floor: 2.5, active: yes}}")))
        .containsExactly(
            "stages[0].enrich[0].defaults.floor (line 11): was '2.5' but it is not a whole number from "
                + Long.MIN_VALUE + " to " + Long.MAX_VALUE + " (the field is a long)",
            "stages[0].enrich[0].defaults.active (line 11): was 'yes' but it is not a boolean; use true or false "
                + "(the field is a boolean)");
    assertThat(Specs.problems(spec("{table: persistent://ml/reference/devices, key: deviceId, "
        + "fields: {site: string}, missing: defaults}"))).containsExactly(
        "stages[0].enrich[0].missing (line 11): was 'defaults' but it needs a 'defaults:' map, such as "
            + "'defaults: {site: unknown}'; add one, or use dead-letter");
  }

  @Test
  void shouldRefuseAnAddedFieldThatClashesWithAFeatureOrAnotherEntry() {
    String yaml = SPEC.replace("      - %s\n", """
              - {table: persistent://ml/reference/devices, key: deviceId, fields: {threshold: double}}
              - {table: persistent://ml/reference/sites, key: deviceId, fields: {threshold: double, hot: boolean}}
        """);

    assertThat(Specs.problems(yaml)).containsExactly(
        "stages[0].enrich[1].fields.threshold (line 12): was 'double' but it adds the field 'threshold', which "
            + "stages[0].enrich[0].fields.threshold already defines; give it a prefix",
        "stages[0].enrich[1].fields.hot (line 12): was 'boolean' but it adds the field 'hot', which the feature "
            + "stages[0].features[0] already defines; give it a prefix");
  }

  @Test
  void shouldRefuseEnrichOnAScoreStageAndMissingKeys() {
    assertThat(Specs.problems(spec("{prefix: x_}"))).containsExactly(
        "stages[0].enrich[0].table (line 11): was missing but it is required; for example "
            + "'table: persistent://ml/reference/devices'",
        "stages[0].enrich[0].key (line 11): was missing but it is required; for example 'key: deviceId'",
        "stages[0].enrich[0].fields (line 11): was missing but it is required; add a 'fields:' section");
  }
}
