package dev.gyre.cli;

import dev.gyre.api.GyreException;
import dev.gyre.api.SpecException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gyre} command. */
@Command(name = "gyre", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Real-time machine learning pipelines on Apache Pulsar.",
    subcommands = {ValidateCommand.class, RunCommand.class, TrainCommand.class, DemoCommand.class,
        DeployCommand.class, StatusCommand.class, UndeployCommand.class, CommandLine.HelpCommand.class})
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
    CommandLine cli = new CommandLine(new Gyre());
    cli.setExecutionExceptionHandler(Gyre::handle);
    return cli;
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
