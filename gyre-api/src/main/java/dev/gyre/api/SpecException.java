package dev.gyre.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pipeline spec (or a CLI argument standing in for one) is invalid. Carries every problem found,
 * not just the first, so a user can fix them all in one round. Never retriable.
 */
public final class SpecException extends GyreException {
  private static final long serialVersionUID = 1L;
  private final List<SpecProblem> problems;

  public SpecException(List<SpecProblem> problems) {
    super(render(problems), false);
    this.problems = List.copyOf(problems);
  }

  public SpecException(SpecProblem problem) {
    this(List.of(problem));
  }

  /** The problems, in the order they appear in the spec; never empty. */
  public List<SpecProblem> problems() {
    return problems;
  }

  private static String render(List<SpecProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SpecException needs at least one problem");
    }
    String head = problems.size() == 1 ? "1 problem in the spec:" : problems.size() + " problems in the spec:";
    return problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n", head + "\n", ""));
  }
}
