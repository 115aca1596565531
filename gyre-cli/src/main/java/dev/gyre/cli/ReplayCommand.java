package dev.gyre.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.api.StageException;
import dev.gyre.backfill.FileSource;
import dev.gyre.backfill.SourceEvent;
import dev.gyre.core.event.EventCodec;
import dev.gyre.spec.FeedbackSpec;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import dev.gyre.spec.FieldSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyre replay SPEC --file F}: sends a file's events to the spec's source, then its labels as outcomes. */
@Command(name = "replay", sortOptions = false, description = {
    "Send a file's events to the spec's source topic, in line order, keyed by the spec's key field",
    "(.jsonl lines as written; .csv rows as JSON typed by the source schema, other columns left out).",
    "With --labels, then send one outcome per labelled row to the spec's feedback topic, as",
    "{<feedback.idField>: id, <feedback.labelField>: label}: labels that arrive after the predictions."})
final class ReplayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "the pipeline spec (YAML)")
  Path specFile;

  @Option(names = "--file", required = true, paramLabel = "FILE", description = "the events: .jsonl or .csv")
  Path file;

  @Option(names = "--rate", defaultValue = "2000", description = "events per second (default: ${DEFAULT-VALUE}; 0: as fast as possible)")
  int rate;

  @Option(names = "--labels", paramLabel = "FILE", description = "a .csv with an id and a label column (may be --file itself)")
  Path labels;

  @Option(names = "--labels-id-field", defaultValue = "event_id", paramLabel = "COLUMN",
      description = "the column of --labels naming the event (default: ${DEFAULT-VALUE})")
  String labelsIdField;

  @Option(names = "--label-field", defaultValue = "label", paramLabel = "COLUMN",
      description = "the column of --labels holding the label (default: ${DEFAULT-VALUE})")
  String labelField;

  @Option(names = "--service-url", paramLabel = "URL", defaultValue = "pulsar://localhost:6650",
      description = "Pulsar's binary URL (default: ${DEFAULT-VALUE}, where gyre run's embedded broker listens)")
  String serviceUrl;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() throws Exception {
    SpecDocument document = SpecLoader.load(specFile);
    FeedbackSpec feedback = document.spec().feedback();
    if (labels != null && feedback == null) {
      throw new SpecException(new SpecProblem("--labels", 0, labels.toString(),
          "needs a feedback topic; the spec has no feedback block"));
    }
    PrintWriter log = command.commandLine().getOut();
    String keyField = document.spec().keyField();
    try (PulsarClient client = PulsarClient.builder().serviceUrl(serviceUrl).connectionTimeout(5, TimeUnit.SECONDS)
        .build()) {
      long sent = send(client, document.spec().source().topic(), new FileSource(file,
          document.spec().source().schema().fields()), keyField, null);
      log.printf("sent %,d events to %s%n", sent, document.spec().source().topic());
      if (labels != null) {
        List<FieldSpec> columns = List.of(new FieldSpec(labelsIdField, dev.gyre.spec.FieldType.STRING, false),
            new FieldSpec(labelField, dev.gyre.spec.FieldType.STRING, false));
        long outcomes = send(client, feedback.topic(), new FileSource(labels, columns), null, feedback);
        log.printf("sent %,d outcomes to %s%n", outcomes, feedback.topic());
      }
    } catch (PulsarClientException e) {
      throw new StageException("cannot reach Pulsar at " + serviceUrl + ": " + e.getMessage(), true, e);
    }
    return Gyre.OK;
  }

  /** Sends every event of the file, paced; with {@code feedback}, as outcomes. Returns how many went. */
  private long send(PulsarClient client, String topic, FileSource source, String keyField, FeedbackSpec feedback)
      throws PulsarClientException {
    long[] count = {0};
    long started = System.nanoTime();
    try (Producer<byte[]> producer = client.newProducer(Schema.BYTES).topic(topic)
        .batcherBuilder(BatcherBuilder.KEY_BASED).blockIfQueueFull(true).create()) {
      source.forEach((SourceEvent event) -> {
        byte[] value = event.value();
        String key = null;
        try {
          JsonNode node = EventCodec.mapper().readTree(value);
          if (feedback != null) {
            JsonNode id = node.get(labelsIdField);
            JsonNode label = node.get(labelField);
            if (id == null || label == null) {
              return;
            }
            ObjectNode outcome = EventCodec.mapper().createObjectNode();
            outcome.set(feedback.idField(), id);
            outcome.set(feedback.labelField(), label);
            value = EventCodec.mapper().writeValueAsBytes(outcome);
          } else if (keyField != null && node != null && node.hasNonNull(keyField)) {
            key = node.get(keyField).isTextual() ? node.get(keyField).textValue() : node.get(keyField).toString();
          }
        } catch (java.io.IOException notJson) {
          // sent as it is: the pipeline dead-letters it, as it would any producer's broken event
        }
        var message = producer.newMessage().value(value);
        if (key != null) {
          message.key(key);
        }
        message.sendAsync();
        count[0]++;
        if (rate > 0) {
          long due = started + count[0] * 1_000_000_000L / rate;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
        }
      });
      producer.flush();
    }
    return count[0];
  }
}
