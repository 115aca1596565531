package dev.gyre.backfill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.event.EventCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes the events a stage rejected as JSON Lines: {@code event_id}, {@code stage}, {@code reason}
 * (the code online uses, such as {@code late-event} or {@code missing-field}), {@code detail}, and the
 * original {@code payload} as UTF-8 text.
 */
public final class DeadLetterFile implements Consumer<Backfill.DeadLetter>, AutoCloseable {
  private final BufferedWriter out;

  public DeadLetterFile(Path file) {
    try {
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void accept(Backfill.DeadLetter dead) {
    ObjectNode line = EventCodec.mapper().createObjectNode();
    line.put("event_id", dead.eventId());
    line.put("stage", dead.stage());
    line.put("reason", dead.reason());
    line.put("detail", dead.detail());
    line.put("payload", new String(dead.payload(), StandardCharsets.UTF_8));
    try {
      out.write(EventCodec.mapper().writeValueAsString(line));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a dead letter: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish the dead letters: " + e.getMessage(), e);
    }
  }
}
