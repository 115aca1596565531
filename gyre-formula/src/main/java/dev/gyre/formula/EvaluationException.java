package dev.gyre.formula;

import dev.gyre.api.GyreException;
import java.util.Objects;

/**
 * {@link Program#evaluate} could not compute a definition for this event: a division by zero, a
 * result that is NaN or infinite, or a required field missing from the event. The message names the
 * definition and the cause, for example {@code temp_ratio: division by zero in 'temp / delta'}.
 *
 * <p>Not retriable: the same event fails the same way. Runtimes treat it as a bad event (dead-letter,
 * skip or fail, as the spec chooses), never as a crash.
 */
public final class EvaluationException extends GyreException {
  private static final long serialVersionUID = 1L;
  private final String definition;

  EvaluationException(String definition, String reason, Throwable cause) {
    super(definition + ": " + reason, false, cause);
    this.definition = Objects.requireNonNull(definition, "definition");
  }

  /** Name of the definition that failed; never null. */
  public String definition() {
    return definition;
  }
}
