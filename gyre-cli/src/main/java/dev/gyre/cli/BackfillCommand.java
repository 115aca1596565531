package dev.gyre.cli;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.api.StageException;
import dev.gyre.backfill.Backfill;
import dev.gyre.backfill.DeadLetterFile;
import dev.gyre.backfill.EventSource;
import dev.gyre.backfill.FileSource;
import dev.gyre.backfill.Labels;
import dev.gyre.backfill.ParquetExport;
import dev.gyre.backfill.TopicLabels;
import dev.gyre.backfill.TopicSource;
import dev.gyre.backfill.TrainingSetCsv;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyre backfill SPEC --from-topic T | --from-file F --out DIR}: a point-in-time training set. */
@Command(name = "backfill", sortOptions = false, description = {
    "Replay a topic's history (from its first message) or a file (in line order) through the spec's",
    "feature stages, with the same code as online, and write one row per event to DIR/training.csv",
    "(and training.parquet): event_id, event_key, event_time, the fields and features, and the label.",
    "Features are as of each event; a label joins the event its id names. Rejected events go to",
    "DIR/dead-letters.jsonl with their reason. Exit code 0 ok, 1 failure, 2 bad usage or spec."})
final class BackfillCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "the pipeline spec (YAML)")
  Path specFile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  From from;

  static final class From {
    @Option(names = "--from-topic", paramLabel = "TOPIC", description = "replay this topic, e.g. the spec's source")
    String topic;

    @Option(names = "--from-file", paramLabel = "FILE", description = "replay a .jsonl (one event a line) or .csv file")
    Path file;
  }

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the training set goes")
  Path out;

  @Option(names = "--stage", paramLabel = "NAME",
      description = "the last stage to run (default: every stage before the first score stage)")
  String stage;

  @Option(names = "--labels-topic", paramLabel = "TOPIC", description = "read labels from this topic (JSON outcomes)")
  String labelsTopic;

  @Option(names = "--labels-file", paramLabel = "FILE", description = "read labels from a .csv or .jsonl file")
  Path labelsFile;

  @Option(names = "--label-field", paramLabel = "NAME",
      description = "the labels' label field, also the label column (default: the spec's feedback.labelField, else label)")
  String labelField;

  @Option(names = "--id-field", paramLabel = "NAME", description = "an event field that names the event, matched to"
      + " the labels' id field (default: the message id, or the line number of a file)")
  String idField;

  @Option(names = "--labels-id-field", paramLabel = "NAME",
      description = "the labels' id field (default: --id-field, else the spec's feedback.idField, else event_id)")
  String labelsIdField;

  @Option(names = "--format", split = ",", defaultValue = "csv,parquet", paramLabel = "FORMATS",
      description = "csv, parquet or both (default: ${DEFAULT-VALUE}); the CSV is always written")
  List<String> formats;

  @Option(names = "--service-url", paramLabel = "URL", defaultValue = "pulsar://localhost:6650",
      description = "Pulsar's binary URL for topics (default: ${DEFAULT-VALUE}, where gyre run's embedded broker listens)")
  String serviceUrl;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() throws IOException {
    for (String format : formats) {
      if (!format.equals("csv") && !format.equals("parquet")) {
        throw new SpecException(new SpecProblem("--format", 0, format, "must be csv or parquet"));
      }
    }
    if (labelsTopic != null && labelsFile != null) {
      throw new SpecException(new SpecProblem("--labels-topic", 0, labelsTopic, "cannot go with --labels-file; give one"));
    }
    SpecDocument document = SpecLoader.load(specFile);
    var feedback = document.spec().feedback();
    String label = labelField != null ? labelField : feedback != null ? feedback.labelField() : "label";
    String labelId = labelsIdField != null ? labelsIdField : idField != null ? idField
        : feedback != null ? feedback.idField() : "event_id";
    boolean labelled = labelsTopic != null || labelsFile != null;
    PrintWriter log = command.commandLine().getOut();
    Files.createDirectories(out);
    Path csv = out.resolve("training.csv");
    try (PulsarClient client = from.topic != null || labelsTopic != null ? connect() : null;
         Backfill backfill = Backfill.of(document, stage, ModelLoader.serviceLoader())) {
      Labels labels = labelsFile != null ? Labels.fromFile(labelsFile, labelId, label)
          : labelsTopic != null ? TopicLabels.read(client, labelsTopic, labelId, label) : Labels.none();
      EventSource source = from.topic != null ? new TopicSource(client, from.topic)
          : new FileSource(from.file, document.spec().source().schema().fields());
      log.printf("Backfilling %s through %s ...%n", source.describe(), String.join(", ", backfill.stageNames()));
      log.flush();
      long started = System.nanoTime();
      Backfill.Summary summary;
      try (TrainingSetCsv rows = new TrainingSetCsv(csv, backfill.fields(), labelled ? label : null);
           DeadLetterFile dead = new DeadLetterFile(out.resolve("dead-letters.jsonl"))) {
        summary = backfill.run(source, labels, idField, rows, dead);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      log.printf("  events %,d in %.1f s: rows %,d, dead letters %,d -> %s%n", summary.events(), seconds,
          summary.rows(), summary.deadLettered(), csv);
      summary.deadLetters().forEach((why, n) -> log.printf("    %-40s %,d%n", why, n));
      if (labelled) {
        log.printf("  labels %,d read (%,d repeated, %,d unusable); rows with a label %,d%n", labels.size(),
            labels.duplicates(), labels.invalid(), summary.labelled());
      }
      if (formats.contains("parquet")) {
        Path parquet = out.resolve("training.parquet");
        ParquetExport.convert(csv, parquet, backfill.fields(), labelled ? label : null);
        log.printf("  -> %s%n", parquet);
      }
    } catch (PulsarClientException e) {
      throw new StageException("cannot close the Pulsar client: " + e.getMessage(), true, e);
    }
    return Gyre.OK;
  }

  private PulsarClient connect() {
    try {
      return PulsarClient.builder().serviceUrl(serviceUrl).connectionTimeout(5, TimeUnit.SECONDS)
          .operationTimeout(30, TimeUnit.SECONDS).build();
    } catch (PulsarClientException e) {
      throw new StageException("cannot reach Pulsar at " + serviceUrl + " (" + e.getMessage() + "). Start it (gyre"
          + " run starts an embedded one), or give --service-url", true, e);
    }
  }
}
