package dev.gyre.train.internal;

import java.util.Map;

/**
 * Writes one JSON object, keys in insertion order. Enough for the training report: strings,
 * numbers (NaN and infinities become {@code null}), booleans, {@code null}, nested writers and
 * string-keyed maps of those.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder("{");

  /** Adds a member; returns this writer. */
  public JsonWriter put(String key, Object value) {
    if (out.length() > 1) {
      out.append(',');
    }
    string(key);
    out.append(':');
    value(value);
    return this;
  }

  /** The object as JSON text. */
  @Override
  public String toString() {
    return out + "}";
  }

  private void value(Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Double d && !Double.isFinite(d)) {
      out.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof JsonWriter nested) {
      out.append(nested);
    } else if (value instanceof Map<?, ?> map) {
      JsonWriter nested = new JsonWriter();
      map.forEach((k, v) -> nested.put(String.valueOf(k), v));
      out.append(nested);
    } else {
      string(value.toString());
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
