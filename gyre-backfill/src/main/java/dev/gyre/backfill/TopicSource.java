package dev.gyre.backfill;

import dev.gyre.api.StageException;
import dev.gyre.pulsar.internal.StateChangelog;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;

/**
 * A topic's history, read with a {@link Reader} from the earliest message until none is available.
 * Each event keeps its message key, its id as the stage host writes it ({@code gyre.event-id}: the
 * property if a producer set it, else the message id), and its position as the stage host computes
 * it ({@link StateChangelog#position}), so a window stage sees exactly what it saw online. Reading
 * creates no subscription and acknowledges nothing: the pipeline's own subscriptions are untouched.
 */
public final class TopicSource implements EventSource {
  private static final String EVENT_ID = "gyre.event-id";

  private final PulsarClient client;
  private final String topic;

  public TopicSource(PulsarClient client, String topic) {
    this.client = client;
    this.topic = topic;
  }

  @Override
  public void forEach(Consumer<SourceEvent> action) {
    try (Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(topic).startMessageId(MessageId.earliest)
        .readerName("gyre-backfill").create()) {
      while (reader.hasMessageAvailable()) {
        Message<byte[]> m = reader.readNext(30, TimeUnit.SECONDS);
        if (m == null) {
          throw new StageException("reading " + topic + " stalled for 30 s although the broker reported more"
              + " messages; try again", true);
        }
        String id = m.getProperty(EVENT_ID) != null ? m.getProperty(EVENT_ID) : m.getMessageId().toString();
        long time = m.getEventTime() > 0 ? m.getEventTime() : m.getPublishTime();
        action.accept(new SourceEvent(id, m.hasKey() ? m.getKey() : null, m.getValue(),
            StateChangelog.position(m.getMessageId()), time));
      }
    } catch (PulsarClientException e) {
      throw new StageException("cannot read " + topic + ": " + e.getMessage(), true, e);
    } catch (java.io.IOException e) {
      throw new StageException("cannot close the reader of " + topic + ": " + e.getMessage(), true, e);
    }
  }

  @Override
  public String describe() {
    return topic;
  }
}
