package dev.gyre.learn.join;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The whole state of a {@link FeedbackJoin} as bytes, so a host can make it durable (a snapshot on a
 * compacted topic, a changelog replayed from it).
 *
 * <p>Format version {@value #VERSION}, big-endian ({@link DataOutputStream}): the magic {@code GYJS},
 * a version short, the horizon in ms, {@code maxPending}, the watermark, the eight counters, then the
 * pending predictions, the remembered joined ids with their forget time, and the undrained expiries,
 * each list in order and prefixed by its length. An instant is epoch seconds (long) and nanos (int).
 * A reader refuses other magics and versions by name, so a newer format is never misread.
 *
 * <p>Stateless and thread-safe.
 */
public final class JoinStateCodec {
  /** The format version written. */
  public static final short VERSION = 1;
  private static final int MAGIC = 0x47594A53;

  private JoinStateCodec() {}

  /** The join's state as bytes. */
  public static byte[] write(FeedbackJoin join) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeShort(VERSION);
      out.writeLong(join.horizon().toMillis());
      out.writeInt(join.maxPending());
      writeInstant(out, join.watermark);
      for (long c : join.counts) {
        out.writeLong(c);
      }
      out.writeInt(join.pending.size());
      for (PendingPrediction p : join.pending.values()) {
        writePrediction(out, p);
      }
      out.writeInt(join.joinedUntil.size());
      for (Map.Entry<String, Instant> e : join.joinedUntil.entrySet()) {
        out.writeUTF(e.getKey());
        writeInstant(out, e.getValue());
      }
      out.writeInt(join.expired.size());
      for (Expiry e : join.expired) {
        out.writeByte(e.reason().ordinal());
        writePrediction(out, e.prediction());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A join holding the state written by {@link #write}.
   *
   * @throws IllegalArgumentException if the bytes are not a join state of a known version, or cut short
   */
  public static FeedbackJoin read(byte[] state) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IllegalArgumentException("not a feedback join state: magic was 0x" + Integer.toHexString(magic));
      }
      short version = in.readShort();
      if (version != VERSION) {
        throw new IllegalArgumentException("feedback join state version was " + version + " but this Gyre reads "
            + VERSION + " only; upgrade Gyre or start the join afresh");
      }
      FeedbackJoin join = new FeedbackJoin(Duration.ofMillis(in.readLong()), in.readInt());
      join.watermark = readInstant(in);
      for (int i = 0; i < join.counts.length; i++) {
        join.counts[i] = in.readLong();
      }
      for (int i = in.readInt(); i > 0; i--) {
        PendingPrediction p = readPrediction(in);
        join.pending.put(p.eventId(), p);
      }
      for (int i = in.readInt(); i > 0; i--) {
        join.joinedUntil.put(in.readUTF(), readInstant(in));
      }
      for (int i = in.readInt(); i > 0; i--) {
        Expiry.Reason reason = Expiry.Reason.values()[in.readByte()];
        join.expired.add(new Expiry(readPrediction(in), reason));
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("feedback join state has " + in.available() + " trailing bytes");
      }
      return join;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("feedback join state is cut short or corrupt: " + e, e);
    }
  }

  private static void writePrediction(DataOutputStream out, PendingPrediction p) throws IOException {
    out.writeUTF(p.eventId());
    out.writeUTF(p.model());
    out.writeUTF(p.version());
    float[] features = p.features();
    out.writeInt(features.length);
    for (float f : features) {
      out.writeFloat(f);
    }
    out.writeUTF(p.predictedLabel());
    out.writeDouble(p.score());
    writeInstant(out, p.predictedAt());
  }

  private static PendingPrediction readPrediction(DataInputStream in) throws IOException {
    String id = in.readUTF();
    String model = in.readUTF();
    String version = in.readUTF();
    int width = in.readInt();
    if (width < 0 || width > in.available() / Float.BYTES) {
      throw new IllegalArgumentException("feedback join state is corrupt: a row of " + width + " features");
    }
    float[] features = new float[width];
    for (int i = 0; i < features.length; i++) {
      features[i] = in.readFloat();
    }
    return new PendingPrediction(id, model, version, features, in.readUTF(), in.readDouble(), readInstant(in));
  }

  private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}
