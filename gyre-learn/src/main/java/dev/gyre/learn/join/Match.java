package dev.gyre.learn.join;

import java.util.Objects;

/**
 * What {@link FeedbackJoin#accept} did with one outcome. Exactly one kind per outcome, so a host can
 * route every outcome somewhere: joined ones onward, the rest to a report or dead-letter topic.
 *
 * @param kind     what happened
 * @param feedback the outcome
 * @param example  the joined example for {@link Kind#JOINED}, {@code null} otherwise
 */
public record Match(Kind kind, Feedback feedback, JoinedExample example) {
  /** What happened to an outcome. */
  public enum Kind {
    /** Matched a pending prediction within its horizon. */
    JOINED,
    /** Its prediction was already joined: a repeated outcome, applied once. */
    DUPLICATE,
    /** No prediction with that id is pending or remembered. */
    UNMATCHED,
    /** Its prediction is known but the outcome came after the horizon; the prediction expires. */
    LATE
  }

  public Match {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(feedback, "feedback");
    if ((kind == Kind.JOINED) != (example != null)) {
      throw new IllegalArgumentException("an example goes with JOINED only, was " + kind + " and " + example);
    }
  }

  static Match joined(JoinedExample example, Feedback feedback) {
    return new Match(Kind.JOINED, feedback, example);
  }

  static Match of(Kind kind, Feedback feedback) {
    return new Match(kind, feedback, null);
  }
}
