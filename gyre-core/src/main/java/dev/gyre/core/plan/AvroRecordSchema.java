package dev.gyre.core.plan;

import dev.gyre.spec.FieldSpec;
import java.util.List;

/**
 * Writes the Avro record definition that Pulsar's JSON schema type expects. Optional fields become
 * {@code ["null", type]} unions with a null default, so readers accept events without them.
 */
public final class AvroRecordSchema {
  private AvroRecordSchema() {}

  public static String of(String topicLocalName, List<FieldSpec> fields) {
    StringBuilder json = new StringBuilder(64 + fields.size() * 48);
    json.append("{\"type\":\"record\",\"name\":\"").append(recordName(topicLocalName))
        .append("\",\"namespace\":\"dev.gyre.events\",\"fields\":[");
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec field = fields.get(i);
      String type = avroType(field);
      json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(field.name()).append("\",\"type\":");
      json.append(field.required() ? "\"" + type + "\"}" : "[\"null\",\"" + type + "\"],\"default\":null}");
    }
    return json.append("]}").toString();
  }

  private static String avroType(FieldSpec field) {
    return switch (field.type()) {
      case STRING -> "string";
      case INT -> "int";
      case LONG -> "long";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case BOOLEAN -> "boolean";
    };
  }

  /** A valid Avro name from a topic name: {@code sensor-input} becomes {@code SensorInput}. */
  static String recordName(String topicLocalName) {
    StringBuilder name = new StringBuilder();
    boolean upper = true;
    for (char c : topicLocalName.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128) {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
      name.insert(0, 'T');
    }
    return name.toString();
  }
}
