package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gyre model} usage errors, found before any broker is reached. */
class ModelCommandTest {

  @Test
  void shouldExitWith2AndNameEveryMissingOptionOfAPushWithoutSpec() {
    CliRun run = CliRun.of("model", "push", "--admin-url", "http://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("3 problems", "--name: was missing but it is required without a SPEC",
        "--version: was missing", "--file: was missing");
  }

  @Test
  void shouldExitWith2ForACanaryWithoutVersion() {
    CliRun run = CliRun.of("model", "canary", "m", "--share", "0.1", "--admin-url", "http://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("VERSION: was missing but it is required unless --share is 0");
  }

  @Test
  void shouldExitWith2WithoutSubcommand() {
    CliRun run = CliRun.of("model");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("name a subcommand: push, list, promote, rollback or canary");
  }

  @Test
  void shouldExitWith1WhenPulsarCannotBeReached() {
    CliRun run = CliRun.of("model", "list", "m", "--admin-url", "http://127.0.0.1:1",
        "--service-url", "pulsar://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("gyre: cannot reach Pulsar at http://127.0.0.1:1", "give --service-url and --admin-url");
  }
}
