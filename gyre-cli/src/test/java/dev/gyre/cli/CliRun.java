package dev.gyre.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs the gyre command line in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Gyre.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** A copy of examples/sensor (spec and data, not the trained model) in {@code dir}. */
  static Path sensorExample(Path dir) throws Exception {
    Path source = Path.of("..", "examples", "sensor").toAbsolutePath().normalize();
    Files.createDirectories(dir.resolve("data"));
    Files.copy(source.resolve("pipeline.yaml"), dir.resolve("pipeline.yaml"));
    Files.copy(source.resolve("data/seattle-temps.csv"), dir.resolve("data/seattle-temps.csv"));
    return dir.resolve("pipeline.yaml");
  }

  static String lines(Path file) throws Exception {
    try (Stream<String> lines = Files.lines(file)) {
      return String.join("\n", lines.toList());
    }
  }
}
