package dev.gyre.cli;

import dev.gyre.api.ModelException;
import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.cli.internal.ModelTraining;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyre train SPEC --data CSV --label COLUMN}: trains a score stage's model. */
@Command(name = "train", description = {
    "Train the model of a score stage on labelled CSV data and write it where the spec's model.path says.",
    "Each row goes through the spec's earlier stages first, with the same code as online, so the",
    "model sees exactly the features it will be served. Writes ONNX with its training report inside.",
    "--algorithm forest trains a random forest instead of a logistic regression."})
final class TrainCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "the pipeline spec (YAML)")
  Path specFile;

  @Option(names = "--data", required = true, paramLabel = "CSV",
      description = "labelled rows; a header names the columns, which match the source fields")
  Path data;

  @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "the column holding the label")
  String label;

  @Option(names = "--stage", paramLabel = "NAME", description = "the score stage (default: the first one)")
  String stage;

  @Option(names = "--algorithm", defaultValue = "logistic", paramLabel = "NAME",
      description = "logistic (logistic regression) or forest (random forest, ONNX TreeEnsembleClassifier);"
          + " default: ${DEFAULT-VALUE}")
  String algorithm;

  @Option(names = "--epochs", defaultValue = "20",
      description = "logistic: passes over the data (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--trees", defaultValue = "50", description = "forest: number of trees (default: ${DEFAULT-VALUE})")
  int trees;

  @Option(names = "--max-depth", defaultValue = "8",
      description = "forest: deepest split of a tree (default: ${DEFAULT-VALUE})")
  int maxDepth;

  @Option(names = "--backfilled", description = "the CSV was written by gyre backfill: its rows carry the features"
      + " already (as of each event), so they are used as they are; rows without a label are left out")
  boolean backfilled;

  @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    ModelTraining.Trainer trainer;
    try {
      trainer = switch (algorithm) {
        case "logistic" -> ModelTraining.logistic(epochs, seed);
        case "forest" -> ModelTraining.forest(trees, maxDepth, seed);
        default -> throw new SpecException(new SpecProblem("--algorithm", 0, algorithm, "must be logistic or forest"));
      };
    } catch (ModelException e) {
      throw new SpecException(new SpecProblem("--algorithm", 0, algorithm, "cannot train with these options: " + e.getMessage()));
    }
    SpecDocument document = SpecLoader.load(specFile);
    String name = stage != null ? stage : document.spec().stages().stream()
        .filter(ScoreStageSpec.class::isInstance).map(s -> s.name()).findFirst().orElse("(none)");
    ModelTraining.Outcome outcome = backfilled ? ModelTraining.trainOnFeatures(document, name, data, label, trainer)
        : ModelTraining.train(document, name, data, label, trainer);
    command.commandLine().getOut().println(outcome.summary());
    return Gyre.OK;
  }
}
