package dev.gyre.pulsar.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.common.schema.SchemaInfo;
import org.apache.pulsar.common.schema.SchemaType;

/**
 * A JSON schema whose values stay bytes: the topic is registered with a JSON schema (so Pulsar's
 * tools, Functions and sinks can decode it as records) while Gyre sends the JSON it already
 * serialised, without a second encoding pass.
 */
public final class JsonBytesSchema implements Schema<byte[]> {
  private final SchemaInfo info;

  private JsonBytesSchema(SchemaInfo info) {
    this.info = info;
  }

  /** The schema of a JSON topic described by an Avro record definition. */
  public static SchemaInfo info(String topicLocalName, String avroDefinition) {
    return SchemaInfo.builder()
        .name(topicLocalName)
        .type(SchemaType.JSON)
        .schema(avroDefinition.getBytes(StandardCharsets.UTF_8))
        .properties(Map.of("__alwaysAllowNull", "true", "__jsr310ConversionEnabled", "false"))
        .build();
  }

  public static JsonBytesSchema of(SchemaInfo info) {
    return new JsonBytesSchema(info);
  }

  @Override
  public byte[] encode(byte[] message) {
    return message;
  }

  @Override
  public byte[] decode(byte[] bytes, byte[] schemaVersion) {
    return bytes;
  }

  @Override
  public SchemaInfo getSchemaInfo() {
    return info;
  }

  @Override
  public Schema<byte[]> clone() {
    return this;
  }
}
