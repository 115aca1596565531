package dev.gyre.spec.internal;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.spec.SpecLocations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found while reading a spec; thrown together at the end. Not thread-safe. */
public final class Problems {
  private final SpecLocations locations;
  private final List<SpecProblem> problems = new ArrayList<>();

  public Problems(SpecLocations locations) {
    this.locations = locations;
  }

  /** A problem at {@code path}, with the line and value the file has there. */
  public void add(String path, String reason) {
    problems.add(locations.problem(path, reason));
  }

  public void add(SpecProblem problem) {
    problems.add(problem);
  }

  /** How many problems so far: compare before and after reading a part to know if it was clean. */
  public int count() {
    return problems.size();
  }

  public SpecLocations locations() {
    return locations;
  }

  /** Throws every problem, in line order (problems about the whole file first), if there is any. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      List<SpecProblem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingInt(SpecProblem::line));
      throw new SpecException(sorted);
    }
  }
}
