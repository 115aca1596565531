package dev.gyre.cli;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.cli.demo.FraudTransactions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyre generate fraud --out DIR}: example data that cannot be shipped as a real data set. */
@Command(name = "generate", description = {
    "Write synthetic example data. 'fraud': card transactions (DIR/transactions.jsonl, in time order)",
    "and their labels (DIR/labels.csv: txId,fraud), with a small share of fraud episodes: bursts,",
    "unusual amounts, many merchants. Deterministic for a seed."})
final class GenerateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KIND", description = "fraud")
  String kind;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the files go")
  Path out;

  @Option(names = "--cards", defaultValue = "2000", description = "cards (default: ${DEFAULT-VALUE})")
  int cards;

  @Option(names = "--days", defaultValue = "7", description = "days of transactions (default: ${DEFAULT-VALUE})")
  int days;

  @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() throws IOException {
    if (!kind.equals("fraud")) {
      throw new SpecException(new SpecProblem("KIND", 0, kind, "must be fraud"));
    }
    if (cards < 1 || days < 2) {
      throw new SpecException(new SpecProblem("--cards/--days", 0, cards + "/" + days, "need at least 1 card and 2 days"));
    }
    List<FraudTransactions.Tx> txs = FraudTransactions.generate(cards, days, seed);
    Files.createDirectories(out);
    long fraud = 0;
    try (BufferedWriter events = Files.newBufferedWriter(out.resolve("transactions.jsonl"), StandardCharsets.UTF_8);
         BufferedWriter labels = Files.newBufferedWriter(out.resolve("labels.csv"), StandardCharsets.UTF_8)) {
      labels.write("txId,fraud\n");
      for (FraudTransactions.Tx tx : txs) {
        events.write(tx.json());
        events.write('\n');
        labels.write(tx.txId() + "," + (tx.fraud() ? 1 : 0) + "\n");
        fraud += tx.fraud() ? 1 : 0;
      }
    }
    command.commandLine().getOut().printf("wrote %,d transactions of %,d cards over %d days (%,d fraudulent, %.2f%%)"
        + " to %s%n", txs.size(), cards, days, fraud, 100.0 * fraud / txs.size(), out);
    return Gyre.OK;
  }
}
