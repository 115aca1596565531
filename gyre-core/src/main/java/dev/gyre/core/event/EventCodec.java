package dev.gyre.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Decodes and encodes JSON events. Thread-safe.
 *
 * <p>Decoding rejects, with a {@link Rejection}: payloads larger than the schema's limit, bytes
 * that are not JSON (including a trailing second value), and JSON that is not an object. The
 * tokens {@code NaN} and {@code Infinity} are read, so that {@link EventSchema} can reject the
 * field holding them by name. Numbers keep their written form (an integer stays
 * an integer), and fields in the event that the schema does not declare are kept as they are.
 */
public final class EventCodec {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      // NaN and Infinity are read so that the schema check can name the field that holds them.
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  private final int maxBytes;

  /** @param maxBytes the largest payload accepted, in bytes */
  public EventCodec(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  public ObjectNode decode(byte[] payload) {
    if (payload.length > maxBytes) {
      throw new Rejection(Rejection.OVERSIZED, "the payload has " + payload.length
          + " bytes, more than the schema's maxMessageBytes " + maxBytes);
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new Rejection(Rejection.MALFORMED_JSON, "the payload is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || node.isMissingNode()) {
      throw new Rejection(Rejection.MALFORMED_JSON, "the payload is empty");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new Rejection(Rejection.NOT_AN_OBJECT, "the payload is a JSON " + node.getNodeType().name().toLowerCase()
          + ", not an object");
    }
    return object;
  }

  public byte[] encode(ObjectNode event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mapper, for tests and tools that build events. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
