package dev.gyre.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.registry.Channel;
import dev.gyre.registry.ModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's records as JSON, written field by field so the stored form is stable and
 * readable with any tool ({@code pulsar-client consume}, a TableView in another language). A
 * training report that is JSON is embedded as an object, anything else as text.
 */
public final class RecordJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordJson() {}

  public static byte[] write(ModelVersion v) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("name", v.name()).put("version", v.version()).put("format", v.format())
        .put("sha256", v.sha256()).put("sizeBytes", v.sizeBytes());
    strings(json.putArray("inputs"), v.inputs());
    strings(json.putArray("labels"), v.labels());
    if (v.trainingReport() != null) {
      json.set("trainingReport", report(v.trainingReport()));
    }
    json.put("pushedAt", v.pushedAt().toString()).put("pushedBy", v.pushedBy()).put("source", v.source())
        .put("producer", v.producer());
    json.putObject("payload").put("upload", v.payload().upload())
        .put("firstMessageId", v.payload().firstMessageId()).put("chunks", v.payload().chunks());
    return bytes(json);
  }

  public static ModelVersion version(byte[] bytes) {
    JsonNode json = read(bytes);
    JsonNode report = json.get("trainingReport");
    JsonNode payload = json.path("payload");
    return new ModelVersion(text(json, "name"), text(json, "version"), text(json, "format"), text(json, "sha256"),
        json.path("sizeBytes").asLong(), strings(json.path("inputs")), strings(json.path("labels")),
        report == null || report.isNull() ? null : report.isTextual() ? report.asText() : report.toString(),
        Instant.parse(text(json, "pushedAt")), json.path("pushedBy").asText(""), json.path("source").asText(""),
        json.path("producer").asText(""), new ModelVersion.Payload(text(payload, "upload"),
            text(payload, "firstMessageId"), payload.path("chunks").asInt()));
  }

  public static byte[] write(Channel c) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("name", c.name());
    json.put("champion", c.champion());
    strings(json.putArray("history"), c.history());
    json.put("canary", c.canary());
    json.put("canaryShare", c.canaryShare());
    json.put("shadow", c.shadow());
    json.put("updatedAt", c.updatedAt().toString()).put("updatedBy", c.updatedBy());
    return bytes(json);
  }

  public static Channel channel(byte[] bytes) {
    JsonNode json = read(bytes);
    return new Channel(text(json, "name"), nullable(json, "champion"), strings(json.path("history")),
        nullable(json, "canary"), json.path("canaryShare").asDouble(0), nullable(json, "shadow"),
        Instant.parse(text(json, "updatedAt")), json.path("updatedBy").asText(""));
  }

  private static JsonNode report(String text) {
    try {
      JsonNode parsed = MAPPER.readTree(text);
      return parsed != null && parsed.isObject() ? parsed : MAPPER.getNodeFactory().textNode(text);
    } catch (JsonProcessingException e) {
      return MAPPER.getNodeFactory().textNode(text);
    }
  }

  private static JsonNode read(byte[] bytes) {
    try {
      JsonNode json = MAPPER.readTree(bytes);
      if (json == null || !json.isObject()) {
        throw new IllegalArgumentException("a registry record is not a JSON object");
      }
      return json;
    } catch (IOException e) {
      throw new IllegalArgumentException("a registry record is not JSON: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("a registry record has no text field '" + field + "'");
    }
    return value.asText();
  }

  private static String nullable(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static byte[] bytes(ObjectNode json) {
    try {
      return MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
