package dev.gyre.cli;

import dev.gyre.cli.demo.Replay;
import dev.gyre.cli.demo.SensorData;
import dev.gyre.cli.internal.Broker;
import dev.gyre.cli.internal.MetricsServer;
import dev.gyre.cli.internal.ModelTraining;
import dev.gyre.cli.internal.Progress;
import dev.gyre.cli.internal.Tail;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.core.plan.StagePlan;
import dev.gyre.pulsar.PipelineRunner;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gyre demo}: the sensor pipeline end to end on the embedded broker. Trains the model if it
 * is missing, starts Pulsar, runs the pipeline, replays four devices of real hourly temperatures
 * with malformed events mixed in, shows live progress and ends with a summary that checks that
 * every event came out, either scored or dead-lettered.
 */
@Command(name = "demo", description = {
    "Run the sensor example end to end on the embedded Pulsar: train the model if needed, replay",
    "real hourly temperatures from four devices with malformed events mixed in, show progress, and",
    "check that events in = predictions out + dead letters. Exit code 0 when they balance."})
final class DemoCommand implements Callable<Integer> {
  /** Latency in the first seconds includes JIT compilation and connection set-up; reported apart. */
  private static final Duration WARM_UP = Duration.ofSeconds(5);

  @Option(names = "--spec", defaultValue = "examples/sensor/pipeline.yaml", description = "the spec (default: ${DEFAULT-VALUE})")
  Path specFile;

  @Option(names = "--rate", defaultValue = "2000", description = "events per second to send (default: ${DEFAULT-VALUE})")
  int rate;

  @Option(names = "--events", defaultValue = "35036", description = "how many events to send (default: ${DEFAULT-VALUE}, the whole year for 4 devices)")
  int events;

  @Option(names = "--bad-every", defaultValue = "97", description = "one malformed event every N (default: ${DEFAULT-VALUE}; 0 for none)")
  int badEvery;

  @Option(names = "--retrain", description = "train the model even if its file exists")
  boolean retrain;

  @Option(names = "--keep-data", description = "keep the embedded broker's earlier data instead of starting empty")
  boolean keepData;

  @Option(names = "--metrics-port", defaultValue = "9464", description = "Prometheus endpoint port (default: ${DEFAULT-VALUE}; -1 for none)")
  int metricsPort;

  @Mixin
  BrokerOptions broker;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    String root = System.getenv("GYRE_ROOT");
    if (!Files.isRegularFile(specFile) && !specFile.isAbsolute() && root != null) {
      specFile = Path.of(root).resolve(specFile);
    }
    if (!Files.isRegularFile(specFile)) {
      throw new dev.gyre.api.SpecException(new dev.gyre.api.SpecProblem("--spec", 0, specFile.toString(),
          "is not a file; run gyre demo from the root of the Gyre repository, or pass --spec"));
    }
    SpecDocument document = SpecLoader.load(specFile);
    SensorData data = SensorData.read(specFile.toAbsolutePath().getParent().resolve("data/seattle-temps.csv"));
    trainIfNeeded(document, data, out);
    List<Replay.Event> replay = Replay.events(data, events, badEvery, 42);
    long invalid = replay.stream().filter(e -> !e.valid()).count();
    try (PipelinePlan plan = new PipelinePlanner(ModelLoader.serviceLoader()).plan(document);
         Broker pulsar = broker.open(!keepData, out);
         MetricsServer metrics = MetricsServer.start("127.0.0.1", metricsPort);
         PipelineRunner runner = new PipelineRunner(plan, pulsar.client(), metrics.registry(), Clock.systemUTC())) {
      metrics.serveDashboard(plan, Clock.systemUTC());
      runner.start(pulsar.admin());
      List<String> deadLetterTopics = plan.stages().stream().map(StagePlan::deadLetterTopic).toList();
      try (Tail tail = new Tail(pulsar.client(), plan.finalTopic(), deadLetterTopics, "gyre-demo-" + System.nanoTime())) {
        out.printf("Replaying %,d events (%,d malformed) from %d devices at %,d events/s into %s%n",
            replay.size(), invalid, 4, rate, plan.spec().source().topic());
        if (metrics.url() != null) {
          out.println("Dashboard: " + metrics.dashboardUrl() + " (metrics: " + metrics.url() + ")");
        }
        send(pulsar, plan.spec().source().topic(), replay, tail, runner, out);
        return summary(out, replay.size(), invalid, tail, runner);
      }
    }
  }

  private void trainIfNeeded(SpecDocument document, SensorData data, PrintWriter out) throws Exception {
    ScoreStageSpec score = document.spec().stages().stream().filter(ScoreStageSpec.class::isInstance)
        .map(ScoreStageSpec.class::cast).findFirst().orElseThrow();
    Path model = score.model().path();
    if (Files.isRegularFile(model) && !retrain) {
      out.println("Model: " + model + " (exists; --retrain to train it again)");
      return;
    }
    Path csv = Files.createTempFile("gyre-sensor-train", ".csv");
    try {
      data.writeTrainingSet(csv);
      out.println("Training " + score.model().name() + " on " + csv + " ...");
      out.println(ModelTraining.train(document, score.name(), csv, "warming", 20, 42L).summary());
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  private void send(Broker pulsar, String topic, List<Replay.Event> replay, Tail tail, PipelineRunner runner,
      PrintWriter out) throws Exception {
    Progress progress = new Progress(out);
    long start = System.nanoTime();
    long nextReport = start + 1_000_000_000L;
    boolean warm = false;
    try (Producer<byte[]> producer = pulsar.client().newProducer(Schema.BYTES).topic(topic)
        .blockIfQueueFull(true).batchingMaxPublishDelay(1, java.util.concurrent.TimeUnit.MILLISECONDS)
        .batcherBuilder(org.apache.pulsar.client.api.BatcherBuilder.KEY_BASED).create()) {
      for (int i = 0; i < replay.size(); i++) {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        Replay.Event event = replay.get(i);
        producer.newMessage().key(event.key()).value(event.payload()).sendAsync();
        if (!warm && System.nanoTime() - start >= WARM_UP.toNanos()) {
          tail.warmedUp();
          warm = true;
        }
        if (System.nanoTime() > nextReport) {
          report(progress, runner, tail, i + 1);
          nextReport += 1_000_000_000L;
        }
      }
      producer.flush();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (tail.outputs() + tail.deadLetters() < replay.size() && System.nanoTime() < deadline
        && runner.failure().isEmpty()) {
      Thread.sleep(200);
      if (System.nanoTime() > nextReport) {
        report(progress, runner, tail, replay.size());
        nextReport += 1_000_000_000L;
      }
    }
    report(progress, runner, tail, replay.size());
  }

  private static void report(Progress progress, PipelineRunner runner, Tail tail, int sent) {
    Histogram interval = tail.interval();
    String latency = interval.getTotalCount() == 0 ? "" : String.format(" e2e p50 %d ms p99 %d ms",
        interval.getValueAtPercentile(50), interval.getValueAtPercentile(99));
    progress.print(runner.metrics(), String.format("sent %,d%s", sent, latency));
  }

  private static void printLatency(PrintWriter out, String label, Histogram latency) {
    if (latency.getTotalCount() > 0) {
      out.printf("  %-22s p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms (%,d events)%n", label,
          latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9),
          latency.getMaxValue(), latency.getTotalCount());
    }
  }

  private static int summary(PrintWriter out, int sent, long invalid, Tail tail, PipelineRunner runner) {
    Histogram latency = tail.total();
    out.println();
    out.println("Summary");
    out.printf("  events sent            %,10d (%,d malformed on purpose)%n", sent, invalid);
    out.printf("  predictions out        %,10d%n", tail.outputs());
    out.printf("  dead letters           %,10d%n", tail.deadLetters());
    tail.deadLettersByReason().forEach((reason, n) -> out.printf("    %-28s %,8d%n", reason, n));
    runner.metrics().forEach((name, m) -> out.printf("  stage %-16s in %,d = out %,d + dead letters %,d%n", name,
        m.inCount(), m.outCount(), m.deadLetterCount()));
    printLatency(out, "end-to-end latency", latency);
    printLatency(out, "  after " + WARM_UP.toSeconds() + " s warm-up", tail.steady());
    if (tail.lastOutput() != null) {
      out.println("  last prediction        " + tail.lastOutput());
    }
    boolean balanced = tail.outputs() + tail.deadLetters() == sent && tail.deadLetters() == invalid;
    out.println(balanced
        ? "  OK: every event is accounted for (in = out + dead letters), and exactly the malformed ones were dead-lettered"
        : "  MISMATCH: in " + sent + " != out " + tail.outputs() + " + dead letters " + tail.deadLetters()
            + " (expected " + invalid + " dead letters)");
    runner.failure().ifPresent(f -> out.println("  a stage failed: " + f.getMessage()));
    return balanced ? Gyre.OK : Gyre.FAILURE;
  }
}
