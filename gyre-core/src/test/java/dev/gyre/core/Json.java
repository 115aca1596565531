package dev.gyre.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.event.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Events as text in tests. */
public final class Json {
  private Json() {}

  public static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  public static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Parses an event the stages wrote, with the codec's own mapper. */
  public static ObjectNode object(byte[] bytes) {
    try {
      return (ObjectNode) EventCodec.mapper().readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
