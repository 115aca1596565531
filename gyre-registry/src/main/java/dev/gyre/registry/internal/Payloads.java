package dev.gyre.registry.internal;

import dev.gyre.api.StageException;
import dev.gyre.registry.ModelVersion;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;

/**
 * Model files on the payload topic, in chunks of {@value #CHUNK_BYTES} bytes, well under Pulsar's
 * default 5 MB message limit. Gyre chunks itself rather than with producer chunking so that a
 * reader can start at a known message id and tell one push's chunks from a retried push's by
 * their {@value #UPLOAD} property.
 */
public final class Payloads {
  static final int CHUNK_BYTES = 1 << 20;
  static final String UPLOAD = "gyre.upload";
  static final String CHUNK = "gyre.chunk";
  private static final long READ_TIMEOUT_MS = 60_000;

  private Payloads() {}

  /** Writes the bytes and returns where they are. */
  public static ModelVersion.Payload write(PulsarClient client, String topic, String key, byte[] bytes) {
    String upload = UUID.randomUUID().toString();
    int chunks = Math.max(1, (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
    try (Producer<byte[]> producer = client.newProducer(Schema.BYTES).topic(topic).enableBatching(false)
        .blockIfQueueFull(true).create()) {
      List<CompletableFuture<MessageId>> sent = new ArrayList<>();
      for (int i = 0; i < chunks; i++) {
        byte[] chunk = Arrays.copyOfRange(bytes, i * CHUNK_BYTES, Math.min(bytes.length, (i + 1) * CHUNK_BYTES));
        sent.add(producer.newMessage().key(key).property(UPLOAD, upload).property(CHUNK, Integer.toString(i))
            .value(chunk).sendAsync());
      }
      producer.flush();
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
      String first = Base64.getEncoder().encodeToString(sent.get(0).join().toByteArray());
      return new ModelVersion.Payload(upload, first, chunks);
    } catch (PulsarClientException | java.util.concurrent.CompletionException e) {
      throw new StageException("cannot store the model file on " + topic + ": " + e.getMessage(), true, e);
    }
  }

  /** Reads a version's bytes back; does not check them. */
  public static byte[] read(PulsarClient client, String topic, ModelVersion.Payload payload) {
    byte[][] chunks = new byte[payload.chunks()][];
    int found = 0;
    try (Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(topic)
        .startMessageId(MessageId.fromByteArray(Base64.getDecoder().decode(payload.firstMessageId())))
        .startMessageIdInclusive().create()) {
      long deadline = System.currentTimeMillis() + READ_TIMEOUT_MS;
      while (found < chunks.length) {
        long left = deadline - System.currentTimeMillis();
        Message<byte[]> m = left <= 0 ? null : reader.readNext((int) Math.min(left, 1000), TimeUnit.MILLISECONDS);
        if (m == null && (left <= 0 || !reader.hasMessageAvailable())) {
          throw new StageException("the model file on " + topic + " is incomplete: " + found + " of "
              + chunks.length + " chunks of upload " + payload.upload() + " found", false);
        }
        if (m != null && payload.upload().equals(m.getProperty(UPLOAD))) {
          int index = Integer.parseInt(m.getProperty(CHUNK));
          if (index >= 0 && index < chunks.length && chunks[index] == null) {
            chunks[index] = m.getValue();
            found++;
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new StageException("cannot read the model file from " + topic + ": " + e.getMessage(), true, e);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      all.writeBytes(chunk);
    }
    return all.toByteArray();
  }
}
