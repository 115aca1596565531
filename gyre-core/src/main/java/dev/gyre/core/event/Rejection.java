package dev.gyre.core.event;

import dev.gyre.api.Outcome;

/**
 * Why an event cannot go on, as a stable reason code and a human-readable detail.
 * Thrown only inside a stage's {@code process} and turned into a dead letter there.
 */
public final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String OVERSIZED = "oversized";
  public static final String MALFORMED_JSON = "malformed-json";
  public static final String NOT_AN_OBJECT = "not-an-object";
  public static final String MISSING_FIELD = "missing-field";
  public static final String WRONG_TYPE = "wrong-type";
  public static final String NOT_FINITE = "not-finite";
  public static final String FORMULA_ERROR = "formula-error";
  public static final String MODEL_INPUT = "model-input";
  public static final String MODEL_ERROR = "model-error";
  /** An event older than its key's latest event time minus the allowed lateness of a window stage. */
  public static final String LATE_EVENT = "late-event";
  /** An event time a window stage cannot use: outside the years 1653 to 2286 in milliseconds. */
  public static final String BAD_EVENT_TIME = "bad-event-time";
  /**
   * An event whose reference row (a features stage's {@code enrich}) is missing, or lacks a field or
   * holds a value of another type, where no default applies.
   */
  public static final String MISSING_REFERENCE = "missing-reference";

  private final String reason;

  public Rejection(String reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  public Outcome toOutcome() {
    return Outcome.deadLetter(reason, getMessage());
  }
}
