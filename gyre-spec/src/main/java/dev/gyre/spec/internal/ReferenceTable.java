package dev.gyre.spec.internal;

import java.util.stream.Collectors;

/** Renders {@link SpecKeys#ALL} as the Markdown table of {@code docs/spec-reference.md}. */
public final class ReferenceTable {
  private ReferenceTable() {}

  /** The table, one row per key, ending with a newline. */
  public static String markdown() {
    String head = "| Key | Type | Default | Allowed values | Meaning |\n| --- | --- | --- | --- | --- |\n";
    return SpecKeys.ALL.stream().map(ReferenceTable::row).collect(Collectors.joining("\n", head, "\n"));
  }

  private static String row(Option option) {
    String shown = option.required() ? "required" : option.defaultValue() == null ? "-" : code(option.defaultValue());
    return "| " + code(option.path()) + " | " + option.kind().display + " | " + shown + " | "
        + cell(option.allowed()) + " | " + cell(option.doc()) + " |";
  }

  private static String code(String text) {
    return "`" + text + "`";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
