package dev.gyre.bench;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.bench.internal.DurationConverter;
import dev.gyre.pulsar.internal.PulsarDistribution;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import dev.gyre.spec.TopicName;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gyre bench}: measures raw Pulsar, Gyre's stage host and the Pulsar Functions recipe on the
 * same broker in one run, and writes the results to a directory. Exit code 0 when every scenario
 * ran to the end (whether or not the targets were met), 1 when one stopped early, 2 on bad usage.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, description = {
    "Measure the pipeline open-loop at fixed rates: its highest sustained throughput,",
    "and its end-to-end latency (from each event's intended send time) at 5,000/s,",
    "next to raw Pulsar's single hop and the same stages as Pulsar Functions, all on",
    "the same broker. Results go to --out: results.json, steps.csv, summary.md and",
    "latency-*.hgrm. A full run takes about 8 minutes, --quick about 3."})
public final class BenchCommand implements Callable<Integer> {

  /** Makes the spec's model when its file is missing ({@code gyre-cli} trains it as the demo does). */
  @FunctionalInterface
  public interface ModelPreparer {
    void prepare(Path specFile, SpecDocument document, PrintWriter out) throws Exception;
  }

  @Option(names = "--spec", defaultValue = "examples/sensor/pipeline.yaml",
      description = "the pipeline spec; its data/seattle-temps.csv supplies the events (default: ${DEFAULT-VALUE})")
  Path specFile;

  @Option(names = "--scenarios", split = ",", defaultValue = "raw,gyre,functions",
      description = "which scenarios, in order: raw, gyre, functions (default: ${DEFAULT-VALUE})")
  List<String> scenarios;

  @Option(names = "--quick", description = "a short smoke run: 5 s warm-up, 5 s latency step, 3 s search steps")
  boolean quick;

  @Option(names = "--warm-up", converter = DurationConverter.class, description = "warm-up per scenario (30s; quick 5s)")
  Duration warmUp;

  @Option(names = "--warm-up-rate", description = "warm-up rate, events/s (10000; quick 5000)")
  Long warmUpRate;

  @Option(names = "--latency-rate", description = "rate of the latency step, events/s (5000)")
  Long latencyRate;

  @Option(names = "--latency-duration", converter = DurationConverter.class, description = "latency step (30s; quick 5s)")
  Duration latencyDuration;

  @Option(names = "--start-rate", description = "first rate of the throughput search, events/s (10000; quick 20000)")
  Long startRate;

  @Option(names = "--max-rate", description = "highest rate the search tries, events/s (2560000; quick 640000)")
  Long maxRate;

  @Option(names = "--step", converter = DurationConverter.class, description = "duration of each search step (10s; quick 3s)")
  Duration step;

  @Option(names = "--bisections", description = "bisection steps after the doubling (3; quick 1)")
  Integer bisections;

  @Option(names = "--max-p99", converter = DurationConverter.class, description = "highest p99 of a sustained step (500ms)")
  Duration maxP99;

  @Option(names = "--out", description = "results directory (default: target/gyre-bench/<date-time>)")
  Path out;

  @Option(names = "--functions-jar", description = "the gyre-functions shaded jar (default: the newest in gyre-functions/target)")
  Path functionsJar;

  @Option(names = "--service-url", description = "an existing Pulsar's binary URL; without it a fresh embedded broker is started")
  String serviceUrl;

  @Option(names = "--admin-url", description = "an existing Pulsar's admin URL (with --service-url)")
  String adminUrl;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  private final ModelPreparer preparer;

  /** A bench that asks for the model to be trained first when it is missing. */
  public BenchCommand() {
    this((file, document, log) -> {
      throw new SpecException(new SpecProblem("--spec", 0, file.toString(), "names a model file that does not exist;"
          + " run `gyre demo` (or `gyre train`) first to train it"));
    });
  }

  public BenchCommand(ModelPreparer preparer) {
    this.preparer = preparer;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter log = command.commandLine().getOut();
    Path root = Path.of(System.getenv().getOrDefault("GYRE_ROOT", "."));
    Path spec = resolve(root, specFile);
    checkScenarios();
    Path jar = scenarios.contains("functions") ? FunctionsJar.find(root, functionsJar) : null;
    SpecDocument document = SpecLoader.load(spec);
    ensureModel(spec, document, log);
    Settings settings = settings();
    List<SensorEvents.Event> events = SensorEvents.read(spec.toAbsolutePath().getParent()
        .resolve("data/seattle-temps.csv"), 42);
    Results results = new Results(out != null ? out : Path.of("target/gyre-bench",
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
    String run = "bench-" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    String started = java.time.OffsetDateTime.now().toString();
    String loadStart = Machine.loadAverage();
    log.printf("gyre bench: %d events of about %.0f bytes; results in %s; load average %s%n", events.size(),
        SensorEvents.meanSize(events), results.dir(), loadStart);
    List<ScenarioResult> done = new ArrayList<>();
    try (BenchBroker broker = BenchBroker.open(serviceUrl, adminUrl, log);
         PulsarClient client = PulsarClient.builder().serviceUrl(broker.serviceUrl()).build();
         PulsarAdmin admin = PulsarAdmin.builder().serviceHttpUrl(broker.adminUrl()).build()) {
      BenchSpec benchSpec = new BenchSpec(Files.readString(spec, StandardCharsets.UTF_8),
          spec.toAbsolutePath().getParent(), TopicName.parse(document.spec().source().topic()).tenant());
      ScenarioRunner runner = new ScenarioRunner(client, events, settings, log, results, broker::processes);
      for (String name : scenarios) {
        Scenario scenario = switch (name) {
          case "raw" -> new RawScenario(admin, run + "-raw");
          case "gyre" -> new GyreScenario(admin, broker.serviceUrl(), benchSpec, run + "-gyre");
          default -> new FunctionsScenario(admin, broker.serviceUrl(), broker.adminUrl(), broker.pulsarHome(), jar,
              results.dir().resolve("logs"), benchSpec, run + "-functions");
        };
        done.add(runner.run(scenario));
        results.write(report(settings, started, loadStart, done));
      }
    }
    Report report = report(settings, started, loadStart, done);
    results.write(report);
    log.println();
    log.print(Results.markdown(report));
    log.println("Results: " + results.dir().toAbsolutePath());
    return done.stream().anyMatch(s -> s.failure() != null) ? 1 : 0;
  }

  private Report report(Settings settings, String started, String loadStart, List<ScenarioResult> done) {
    List<String> args = command.commandLine().getParseResult().originalArgs();
    String line = "gyre " + (args.isEmpty() || !args.get(0).equals("bench") ? "bench " : "") + String.join(" ", args);
    Machine machine = Machine.describe(PulsarDistribution.version());
    return new Report(line.trim(), started, java.time.OffsetDateTime.now().toString(), machine, loadStart,
        Machine.loadAverage(), settings, done);
  }

  Settings settings() {
    Settings base = quick ? Settings.quick() : Settings.full();
    Criterion criterion = maxP99 == null ? base.criterion() : new Criterion(base.criterion().minFraction(), maxP99);
    return new Settings(or(warmUp, base.warmUp()), or(warmUpRate, base.warmUpRate()),
        or(latencyRate, base.latencyRate()), or(latencyDuration, base.latencyDuration()),
        or(startRate, base.startRate()), or(maxRate, base.maxRate()), or(step, base.stepDuration()),
        or(bisections, base.bisections()), base.granularity(), criterion, base.drainTimeout(), base.abortFraction());
  }

  private static <T> T or(T value, T otherwise) {
    return value != null ? value : otherwise;
  }

  private void checkScenarios() {
    for (String name : scenarios) {
      if (!List.of("raw", "gyre", "functions").contains(name)) {
        throw new SpecException(new SpecProblem("--scenarios", 0, name, "is not a scenario; choose from raw, gyre,"
            + " functions"));
      }
    }
  }

  private void ensureModel(Path spec, SpecDocument document, PrintWriter log) throws Exception {
    boolean missing = document.spec().stages().stream().filter(ScoreStageSpec.class::isInstance)
        .map(s -> ((ScoreStageSpec) s).model().path()).anyMatch(p -> !Files.isRegularFile(p));
    if (missing && scenarios.stream().anyMatch(s -> !s.equals("raw"))) {
      preparer.prepare(spec, document, log);
    }
  }

  private static Path resolve(Path root, Path file) {
    if (!Files.isRegularFile(file) && !file.isAbsolute() && Files.isRegularFile(root.resolve(file))) {
      return root.resolve(file);
    }
    if (!Files.isRegularFile(file)) {
      throw new SpecException(new SpecProblem("--spec", 0, file.toString(),
          "is not a file; run gyre bench from the root of the Gyre repository, or pass --spec"));
    }
    return file;
  }
}
