package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SinkSpecTest {
  private static final String OUT = "persistent://t/n/out";

  @Test
  void shouldReadSinksWithTheirDefaults() {
    PipelineSpec spec = Specs.parse(Specs.MINIMAL + """
        sinks:
          - name: db
            type: postgres
            table: analytics.predictions
            password: ${PGPASSWORD}
          - name: alerts
            type: webhook
            input: persistent://t/n/out-dlq
            url: https://hooks.example.com/gyre?token=${HOOK_TOKEN}
            when: reason == "malformed-json"
            timeout: 250ms
            retries: 0
        """);

    assertThat(spec.sinks()).containsExactly(
        new PostgresSinkSpec("db", OUT, "jdbc:postgresql://127.0.0.1:5432/postgres", null, "${PGPASSWORD}",
            "analytics.predictions", 500, true),
        new WebhookSinkSpec("alerts", OUT + "-dlq", "https://hooks.example.com/gyre?token=${HOOK_TOKEN}",
            "reason == \"malformed-json\"", Duration.ofMillis(250), 0));
    assertThat(spec.sinks().get(0).deadLetterTopic()).isEqualTo(OUT + "-db-dlq");
  }

  @Test
  void shouldHaveNoSinksWhenAbsent() {
    assertThat(Specs.parse(Specs.MINIMAL).sinks()).isEmpty();
  }

  @Test
  void shouldReportEverySinkProblemWithPathAndLine() {
    assertThat(Specs.problems(Specs.MINIMAL + """
        sinks:
          - name: f
            type: postgres
            input: persistent://t/n/elsewhere
            table: Predictions
            password: pa$s
            timeout: 1s
          - name: hook
            type: webhook
            batchSize: 10
          - name: hook
            type: webhook
            url: ftp://example.com/x
            retries: 21
          - name: x
            type: kafka
        """)).containsExactly(
        "sinks[0].name (line 14): was 'f' but it is also the name of stages[0]; stage and sink names must be unique",
        "sinks[0].input (line 16): was 'persistent://t/n/elsewhere' but it is not a topic of this pipeline; use "
            + "one of persistent://t/n/in, persistent://t/n/out, persistent://t/n/out-dlq",
        "sinks[0].table (line 17): was 'Predictions' but it is not a table name; use lower-case letters, digits "
            + "and '_', not starting with a digit, at most 63 of them, optionally after 'schema.', such as "
            + "'predictions'",
        "sinks[0].password (line 18): was 'pa$s' but it has a '$' that does not start a reference ${NAME} to an "
            + "environment variable; write ${NAME} with letters, digits and '_', such as ${PGPASSWORD}, or $$ for "
            + "a '$'",
        "sinks[0].timeout (line 19): was '1s' but it is only used by sinks of type webhook; remove it, or set "
            + "type: webhook",
        "sinks[1].url (line 20): was missing but it is required for type webhook; for example "
            + "'url: https://alerts.example.com/hook'",
        "sinks[1].batchSize (line 22): was '10' but it is only used by sinks of type postgres; remove it, or set "
            + "type: postgres",
        "sinks[2].name (line 23): was 'hook' but it is also the name of sinks[1]; stage and sink names must be "
            + "unique",
        "sinks[2].url (line 25): was 'ftp://example.com/x' but it is not an http or https URL; use the form "
            + "https://host/path",
        "sinks[2].retries (line 26): was '21' but it is out of range; use a whole number from 0 to 20",
        "sinks[3].type (line 28): was 'kafka' but it is not one of postgres, webhook");
  }

  @Test
  void shouldRequireTableAndAcceptAWholeUrlFromTheEnvironment() {
    assertThat(Specs.problems(Specs.MINIMAL + """
        sinks:
          - name: db
            type: postgres
            url: mysql://host/db
        """)).containsExactly(
        "sinks[0].table (line 14): was missing but it is required for type postgres; for example "
            + "'table: predictions'",
        "sinks[0].url (line 16): was 'mysql://host/db' but it is not a PostgreSQL JDBC URL; use the form "
            + "jdbc:postgresql://host:5432/database");
    WebhookSinkSpec hook = (WebhookSinkSpec) Specs.parse(Specs.MINIMAL + """
        sinks:
          - {name: hook, type: webhook, url: "${WEBHOOK_URL}"}
        """).sinks().get(0);
    assertThat(hook.url()).isEqualTo("${WEBHOOK_URL}");
    assertThat(hook.when()).isNull();
    assertThat(hook.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(hook.retries()).isEqualTo(5);
  }

  @Test
  void shouldCheckSinkRecordInvariants() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PostgresSinkSpec("db", OUT, "jdbc:mysql://x", null,
        null, "t", 1, true));
    assertThatIllegalArgumentException().isThrownBy(() -> new PostgresSinkSpec("db", OUT,
        "jdbc:postgresql://x/y", null, null, "Robert'); DROP TABLE students;--", 1, true));
    assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSinkSpec("w", OUT, "http://x", null,
        Duration.ZERO, 0));
    var stage = Specs.parse(Specs.MINIMAL).stages();
    var sink = new PostgresSinkSpec("f", OUT, "jdbc:postgresql://x/y", null, null, "t", 1, true);
    assertThatIllegalArgumentException().isThrownBy(() -> new PipelineSpec("p", null, null,
        Specs.parse(Specs.MINIMAL).source(), stage, null, RuntimeSpec.defaults(), java.util.List.of(sink)));
  }
}
