package dev.gyre.cli;

import dev.gyre.api.GyreException;
import dev.gyre.api.SpecException;
import dev.gyre.bench.BenchCommand;
import dev.gyre.cli.demo.SensorData;
import dev.gyre.cli.internal.ModelTraining;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.SpecDocument;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gyre} command. */
@Command(name = "gyre", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Real-time machine learning pipelines on Apache Pulsar.",
    subcommands = {ValidateCommand.class, RunCommand.class, TrainCommand.class, DemoCommand.class,
        DeployCommand.class, StatusCommand.class, UndeployCommand.class, BenchCommand.class, ModelCommand.class,
        BackfillCommand.class, ReplayCommand.class, GenerateCommand.class,
        CommandLine.HelpCommand.class})
public final class Gyre {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  public static void main(String[] args) {
    // Tribuo reports through java.util.logging; Gyre prints its own summary of training.
    java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; never exits the JVM. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Gyre(), new Factory());
    cli.setExecutionExceptionHandler(Gyre::handle);
    return cli;
  }

  /** Creates subcommands; {@code gyre bench} gets the demo's model training (gyre-bench cannot depend on it). */
  private static final class Factory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == BenchCommand.class) {
        return type.cast(new BenchCommand(Gyre::trainSensorModel));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** Trains the spec's model on the sensor data next to it, as {@code gyre demo} does when the model is missing. */
  private static void trainSensorModel(Path specFile, SpecDocument document, PrintWriter out) {
    ScoreStageSpec score = document.spec().stages().stream().filter(ScoreStageSpec.class::isInstance)
        .map(ScoreStageSpec.class::cast).findFirst().orElseThrow();
    SensorData data = SensorData.read(specFile.toAbsolutePath().getParent().resolve("data/seattle-temps.csv"));
    try {
      Path csv = Files.createTempFile("gyre-sensor-train", ".csv");
      try {
        data.writeTrainingSet(csv);
        out.println("Training " + score.model().name() + " on " + csv + " ...");
        out.println(ModelTraining.train(document, score.name(), csv, "warming", 20, 42L).summary());
      } finally {
        Files.deleteIfExists(csv);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the training set", e);
    }
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof SpecException spec) {
      err.println(spec.getMessage());
      return USAGE;
    }
    if (e instanceof GyreException gyre) {
      err.println("gyre: " + gyre.getMessage());
      if (gyre.getCause() != null && Boolean.getBoolean("gyre.debug")) {
        gyre.printStackTrace(err);
      }
      return FAILURE;
    }
    err.println("gyre: unexpected error: " + e);
    e.printStackTrace(err);
    return FAILURE;
  }
}
