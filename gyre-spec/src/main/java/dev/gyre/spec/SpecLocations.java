package dev.gyre.spec;

import dev.gyre.api.SpecProblem;
import java.util.Map;
import java.util.Objects;

/**
 * Where each YAML path of a spec sits: its line and the value written there. Paths use dots and
 * {@code [i]}, as in {@code source.schema.fields.temp} or {@code stages[1].model.inputs[0]}; the
 * line of a map entry is the line of its key. Immutable and thread-safe.
 */
public final class SpecLocations {
  private static final SpecLocations EMPTY = new SpecLocations(Map.of());
  private final Map<String, Location> locations;

  /**
   * Where one path sits.
   *
   * @param line   the 1-based line
   * @param text   the value as written for a scalar, a short rendering such as {@code [a, b]} for a
   *               list or map, or {@code null} for an explicit YAML null
   * @param scalar whether the value is a single (non-null) value
   */
  public record Location(int line, String text, boolean scalar) {}

  private SpecLocations(Map<String, Location> locations) {
    this.locations = Map.copyOf(locations);
  }

  /** Locations for the given paths. */
  public static SpecLocations of(Map<String, Location> locations) {
    return new SpecLocations(locations);
  }

  /** No locations: every line is 0, every value null. For specs built in code. */
  public static SpecLocations empty() {
    return EMPTY;
  }

  /** The line of {@code path}, or of its nearest ancestor present in the file, or 0. */
  public int lineOf(String path) {
    for (String p = path; p != null; p = parent(p)) {
      Location location = locations.get(p);
      if (location != null) {
        return location.line();
      }
    }
    return 0;
  }

  /** The scalar text at {@code path}, or {@code null} when it is absent, null, a list or a map. */
  public String valueAt(String path) {
    Location location = locations.get(path);
    return location != null && location.scalar() ? location.text() : null;
  }

  /**
   * A problem at {@code path} with its line and written value filled in; a list or map is shown
   * shortened, an absent path renders as "was missing".
   *
   * @param reason what is wrong and what to do, phrased to follow "but it"
   */
  public SpecProblem problem(String path, String reason) {
    Objects.requireNonNull(path, "path");
    Location location = locations.get(path);
    return new SpecProblem(path, lineOf(path), location == null ? null : location.text(), reason);
  }

  /** {@code a.b[2].c} -> {@code a.b[2]} -> {@code a.b} -> {@code a} -> null. */
  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? null : path.substring(0, cut);
  }
}
