package dev.gyre.pulsar.internal;

import dev.gyre.api.StageException;
import dev.gyre.core.window.KeyState;
import dev.gyre.core.window.StatefulStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.MessageIdAdv;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;

/**
 * Makes a {@link StatefulStage}'s per-key state durable on a compacted changelog topic, keyed by
 * the entity key, one message per changed key and micro-batch with the state encoded by the stage's
 * codec, its last applied input position and the id of the instance that wrote it.
 *
 * <p>Restore and rescaling: every instance reads the whole changelog at start, then a tail thread
 * keeps reading what other instances write. States other instances (or an earlier run) wrote are
 * kept as bytes and handed to the stage only when it next uses the key, if they are newer than its
 * own by input position. A key this instance wrote last, and nobody wrote since, is <em>its own</em>:
 * a batch of such keys goes ahead at once. A batch with any other key (new to this instance, or last
 * written by another) first waits until the tail has read everything written before the batch
 * ({@link #awaitCaughtUp}): Key_Shared gives a key to a new instance only after the previous one
 * acknowledged the key's earlier inputs, and the stage host acknowledges an input only after its
 * key's state is on the changelog, so the wait sees the latest state of every key in the batch.
 * (A key handed away and back again before the tail saw the other instance's write is the one case
 * the check can miss.)
 *
 * <p>{@link #awaitCaughtUp}, {@link #snapshot} and {@link #write} are called by the stage thread;
 * the returned futures complete on client threads.
 */
public final class StateChangelog implements AutoCloseable {
  /** Message property: the input position the state includes. */
  public static final String POSITION = "gyre.position";
  /** Message property: the instance that wrote the state. */
  public static final String WRITER = "gyre.writer";

  private final StatefulStage stage;
  private final Producer<byte[]> producer;
  private final Reader<byte[]> reader;
  private final String writer = UUID.randomUUID().toString();
  private final Map<String, Foreign> foreign = new ConcurrentHashMap<>();
  /** Keys this instance wrote last, as far as the tail has seen. */
  private final Set<String> own = ConcurrentHashMap.newKeySet();
  private final AtomicLong refused = new AtomicLong();
  private final Object caughtUp = new Object();
  /** When the tail last started a check that found nothing more to read, in nanoTime. */
  private volatile long caughtUpAt = Long.MIN_VALUE;
  private volatile boolean waiting;
  private volatile boolean open = true;
  private Thread tail;

  private record Foreign(long position, byte[] bytes) {}

  /** One key's state as encoded after a micro-batch. */
  public record Snapshot(String key, long position, byte[] bytes) {}

  private StateChangelog(StatefulStage stage, Producer<byte[]> producer, Reader<byte[]> reader) {
    this.stage = stage;
    this.producer = producer;
    this.reader = reader;
    stage.adoptFrom(this::newer);
  }

  /** Connects to {@code topic} and reads it to its end: the stage starts with every key's latest state. */
  public static StateChangelog open(PulsarClient client, String topic, StatefulStage stage, String name) {
    Producer<byte[]> producer = null;
    try {
      producer = client.newProducer(Schema.BYTES).topic(topic)
          .enableBatching(true).batcherBuilder(BatcherBuilder.KEY_BASED)
          .batchingMaxPublishDelay(1, TimeUnit.MILLISECONDS).blockIfQueueFull(true).create();
      Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(topic).startMessageId(MessageId.earliest)
          .readCompacted(true).readerName(name + "-state").create();
      StateChangelog changelog = new StateChangelog(stage, producer, reader);
      changelog.restore();
      changelog.tail = new Thread(changelog::follow, "gyre-state-" + name);
      changelog.tail.setDaemon(true);
      changelog.tail.start();
      return changelog;
    } catch (PulsarClientException e) {
      if (producer != null) {
        producer.closeAsync();
      }
      throw new StageException("stage '" + name + "' cannot open its state changelog " + topic + ": "
          + e.getMessage(), true, e);
    }
  }

  /** Reads the whole changelog; other writers' states wait for use. */
  private void restore() throws PulsarClientException {
    while (reader.hasMessageAvailable()) {
      Message<byte[]> m = reader.readNext(5, TimeUnit.SECONDS);
      if (m == null) {
        return;
      }
      accept(m);
    }
    caughtUpAt = System.nanoTime();
  }

  private void accept(Message<byte[]> m) {
    if (writer.equals(m.getProperty(WRITER)) || !m.hasKey()) {
      return;
    }
    foreign.put(m.getKey(), new Foreign(parse(m.getProperty(POSITION)), m.getValue()));
    own.remove(m.getKey());
  }

  /** The tail thread: reads what others write; on request, checks it has read to the end. */
  private void follow() {
    while (open) {
      try {
        Message<byte[]> m = reader.readNext(5, TimeUnit.MILLISECONDS);
        if (m != null) {
          accept(m);
        } else if (waiting) {
          long asked = System.nanoTime();
          if (!reader.hasMessageAvailable()) {
            caughtUpAt = asked;
            synchronized (caughtUp) {
              caughtUp.notifyAll();
            }
          }
        }
      } catch (PulsarClientException e) {
        if (!open) {
          return;
        }
        sleepQuietly();
      }
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether a batch of these input keys must wait for the tail: any key not this instance's own. */
  public boolean mustCatchUp(List<String> keys) {
    for (String key : keys) {
      if (key == null || !own.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Waits until the tail has read everything written to the changelog before this call.
   *
   * @throws StageException if that takes longer than {@code timeout} (the broker is unreachable)
   */
  public void awaitCaughtUp(java.time.Duration timeout) {
    long asked = System.nanoTime();
    long deadline = asked + timeout.toNanos();
    waiting = true;
    try {
      synchronized (caughtUp) {
        while (caughtUpAt < asked) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new StageException("the state changelog could not be read to its end within " + timeout, true);
          }
          caughtUp.wait(Math.max(1, left / 1_000_000));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StageException("interrupted while reading the state changelog", true, e);
    } finally {
      waiting = false;
    }
  }

  /** The changelog's state of {@code key} if it is newer than {@code local}; called by the stage. */
  private KeyState newer(String key, KeyState local) {
    Foreign theirs = foreign.remove(key);
    if (theirs == null || (local != null && theirs.position() <= local.lastPosition())) {
      return null;
    }
    try {
      return stage.codec().decode(theirs.bytes());
    } catch (RuntimeException e) {
      // a state of other aggregates (the spec changed) or damaged bytes: the key starts afresh
      refused.incrementAndGet();
      return null;
    }
  }

  /** Encodes the state of every key changed since the last call. */
  public List<Snapshot> snapshot() {
    Set<String> keys = stage.drainChangedKeys();
    List<Snapshot> snapshots = new ArrayList<>(keys.size());
    for (String key : keys) {
      KeyState state = stage.state(key);
      if (state != null) {
        snapshots.add(new Snapshot(key, state.lastPosition(), stage.codec().encode(state)));
        own.add(key);
      }
    }
    return snapshots;
  }

  /** Writes snapshots; the future completes once all are persisted (or the first failed). */
  public CompletableFuture<Void> write(List<Snapshot> snapshots) {
    if (snapshots.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?>[] sends = new CompletableFuture<?>[snapshots.size()];
    for (int i = 0; i < sends.length; i++) {
      Snapshot s = snapshots.get(i);
      sends[i] = producer.newMessage().key(s.key()).value(s.bytes())
          .property(WRITER, writer).property(POSITION, Long.toString(s.position())).sendAsync();
    }
    producer.flushAsync();
    return CompletableFuture.allOf(sends);
  }

  /** States read back that the stage's codec refused (other aggregates, damaged bytes). */
  public long refused() {
    return refused.get();
  }

  /**
   * The position of an input message: its ledger, entry and batch index packed so that it grows
   * along a topic partition, or {@link KeyState#NO_POSITION} when the id does not fit (a ledger id
   * of 2^31 or more, an entry id of 2^20 or more — brokers roll ledgers at 50,000 entries by
   * default — or a batch index of 4095 or more); such an input is always applied.
   */
  public static long position(MessageId id) {
    if (!(id instanceof MessageIdAdv adv)) {
      return KeyState.NO_POSITION;
    }
    long ledger = adv.getLedgerId();
    long entry = adv.getEntryId();
    long batch = adv.getBatchIndex() + 1L;
    if (ledger < 0 || ledger >= 1L << 31 || entry < 0 || entry >= 1L << 20 || batch < 0 || batch >= 1L << 12) {
      return KeyState.NO_POSITION;
    }
    return ledger << 32 | entry << 12 | batch;
  }

  private static long parse(String position) {
    try {
      return position == null ? KeyState.NO_POSITION : Long.parseLong(position);
    } catch (NumberFormatException e) {
      return KeyState.NO_POSITION;
    }
  }

  @Override
  public void close() {
    open = false;
    if (tail != null) {
      try {
        tail.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    producer.closeAsync();
    reader.closeAsync();
  }
}
