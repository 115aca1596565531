package dev.gyre.spec.internal;

import java.util.List;
import java.util.Objects;

/**
 * The one definition of a spec key: where it sits, what it holds, its default and its doc. The
 * loader reads defaults, ranges and known keys from here, and {@code docs/spec-reference.md} is
 * tested against the same table, so neither can drift.
 *
 * @param path         the key's path with {@code []} for any list item and {@code <name>} for any
 *                     field name, such as {@code stages[].model.inputs}
 * @param kind         what the value is
 * @param required     whether the key must be present (keys required only for one stage type are not)
 * @param defaultValue the default as YAML text, parsed by the same rules as a written value; or null
 * @param allowed      the allowed values, for people
 * @param min          the smallest allowed number (integers; nanoseconds for durations)
 * @param max          the largest allowed number (integers; nanoseconds for durations)
 * @param choices      the allowed words, for {@link Kind#CHOICE}
 * @param example      a typical value, shown when the key is missing; or null
 * @param doc          what the key means, one or two sentences
 */
public record Option(
    String path, Kind kind, boolean required, String defaultValue, String allowed,
    long min, long max, List<String> choices, String example, String doc) {

  /** What a key holds; {@link #display} is the type shown in the reference. */
  public enum Kind {
    TEXT("string"), NAME("name"), TOPIC("topic"), INT("integer"), BOOLEAN("boolean"),
    CHOICE("string"), NUMBER("number"), DURATION("duration"), FIELD("type or map"), MAP("map"), LIST("list");

    public final String display;

    Kind(String display) {
      this.display = display;
    }
  }

  public Option {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(allowed, "allowed");
    Objects.requireNonNull(doc, "doc");
    choices = List.copyOf(choices);
    if (required && defaultValue != null) {
      throw new IllegalArgumentException(path + " cannot be both required and defaulted");
    }
  }

  /** The last segment of the path: the key as written in YAML. */
  public String key() {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** The path of the map this key belongs to; empty for top-level keys. */
  public String parent() {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  static Option of(String path, Kind kind, boolean required, String allowed, String example, String doc) {
    return new Option(path, kind, required, null, allowed, 0, 0, List.of(), example, doc);
  }

  static Option integer(String path, long defaultValue, long min, long max, String doc) {
    return new Option(path, Kind.INT, false, Long.toString(defaultValue), min + " to " + max,
        min, max, List.of(), null, doc);
  }

  static Option choice(String path, String defaultValue, List<String> choices, String doc) {
    return new Option(path, Kind.CHOICE, defaultValue == null, defaultValue, String.join(", ", choices),
        0, 0, choices, choices.get(0), doc);
  }

  static Option defaulted(String path, Kind kind, String defaultValue, String allowed, String doc) {
    return new Option(path, kind, false, defaultValue, allowed, 0, 0, List.of(), null, doc);
  }

  static Option duration(String path, String defaultValue, String max, String doc) {
    return new Option(path, Kind.DURATION, false, defaultValue, "0 to " + max + "; units ns, us, ms, s",
        0, Values.duration(max, 0, Long.MAX_VALUE).toNanos(), List.of(), null, doc);
  }
}
