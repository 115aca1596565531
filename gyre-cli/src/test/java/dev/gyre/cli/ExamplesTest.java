package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fraud and lending examples, step by step as their READMEs say, on copies, without a broker. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @Test
  void shouldGenerateBackfillTrainAndValidateTheFraudExample(@TempDir Path dir) throws Exception {
    Files.copy(EXAMPLES.resolve("fraud/pipeline.yaml"), dir.resolve("pipeline.yaml"));
    String spec = dir.resolve("pipeline.yaml").toString();
    CliRun generated = CliRun.of("generate", "fraud", "--out", dir.resolve("data").toString(), "--cards", "300",
        "--days", "3", "--seed", "1");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    long transactions = Files.lines(dir.resolve("data/transactions.jsonl")).count();
    List<String> labels = Files.readAllLines(dir.resolve("data/labels.csv"));
    assertThat(labels).hasSize((int) transactions + 1).contains("txId,fraud").anyMatch(l -> l.endsWith(",1"));

    CliRun backfill = CliRun.of("backfill", spec, "--from-file", dir.resolve("data/transactions.jsonl").toString(),
        "--labels-file", dir.resolve("data/labels.csv").toString(), "--id-field", "txId",
        "--out", dir.resolve("train").toString(), "--format", "csv");
    assertThat(backfill.exitCode()).as(backfill.err()).isZero();
    List<String> rows = Files.readAllLines(dir.resolve("train/training.csv"));
    assertThat(rows).hasSize((int) transactions + 1);
    assertThat(rows.get(0)).startsWith("event_id,event_key,event_time,txId,card,amount,merchant,ts,tx_1m,tx_1h")
        .endsWith(",amount_z,log_since_prev,fraud");
    assertThat(rows.get(1)).startsWith("tx-000001,");
    assertThat(Files.size(dir.resolve("train/dead-letters.jsonl"))).isZero();

    CliRun train = CliRun.of("train", spec, "--data", dir.resolve("train/training.csv").toString(), "--label", "fraud",
        "--backfilled", "--epochs", "3");
    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.out()).contains("Trained on " + String.format("%,d", transactions) + " of");
    assertThat(CliRun.of("validate", spec).exitCode()).isZero();
  }

  @Test
  void shouldTrainAndValidateTheLendingExample(@TempDir Path dir) throws Exception {
    Files.copy(EXAMPLES.resolve("lending/pipeline.yaml"), dir.resolve("pipeline.yaml"));
    Path loans = EXAMPLES.resolve("lending/data/loans.csv");
    assertThat(Files.readAllLines(loans)).hasSize(5_001);
    CliRun train = CliRun.of("train", dir.resolve("pipeline.yaml").toString(), "--data", loans.toString(),
        "--label", "Class", "--epochs", "3");
    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.out()).contains("Trained on 5,000 of 5,000 rows");
    assertThat(CliRun.of("validate", dir.resolve("pipeline.yaml").toString()).exitCode()).isZero();
  }
}
