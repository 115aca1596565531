package dev.gyre.backfill;

import dev.gyre.api.StageException;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;

/** Reads {@link Labels} from a feedback topic: JSON outcomes, from the earliest until none is available. */
public final class TopicLabels {
  private TopicLabels() {}

  public static Labels read(PulsarClient client, String topic, String idField, String labelField) {
    Labels labels = Labels.none();
    try (Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(topic).startMessageId(MessageId.earliest)
        .readerName("gyre-backfill-labels").create()) {
      while (reader.hasMessageAvailable()) {
        Message<byte[]> m = reader.readNext(30, TimeUnit.SECONDS);
        if (m == null) {
          throw new StageException("reading " + topic + " stalled for 30 s; try again", true);
        }
        labels.addJson(m.getValue(), idField, labelField);
      }
    } catch (PulsarClientException e) {
      throw new StageException("cannot read the labels on " + topic + ": " + e.getMessage(), true, e);
    } catch (java.io.IOException e) {
      throw new StageException("cannot close the reader of " + topic + ": " + e.getMessage(), true, e);
    }
    return labels;
  }
}
