package dev.gyre.api;

import java.util.Objects;

/**
 * One problem in a spec: where it is, what was there, and what to do.
 *
 * <p>Rendered as {@code <path> (line N): was '<value>' but it <reason>}, for example
 * {@code stages[0].features[1] (line 21): was 'alert = temp_scaled >' but it ends after '>'; add
 * the right-hand side}.
 *
 * @param path  YAML path of the offending node, such as {@code source.schema.fields.temp.type}
 * @param line  1-based line in the spec file, or 0 when unknown (a spec built in code)
 * @param value the offending value as written, or {@code null} when the node is missing
 * @param reason what is wrong and how to fix it, phrased to follow "but it"
 */
public record SpecProblem(String path, int line, String value, String reason) {
  public SpecProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    String where = line > 0 ? path + " (line " + line + ")" : path;
    String was = value == null ? "was missing" : "was '" + value + "'";
    return where + ": " + was + " but it " + reason;
  }
}
