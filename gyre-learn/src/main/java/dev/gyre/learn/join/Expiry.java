package dev.gyre.learn.join;

import java.util.Objects;

/**
 * A prediction that left the join without an outcome.
 *
 * @param prediction the prediction
 * @param reason     why it left
 */
public record Expiry(PendingPrediction prediction, Reason reason) {
  /** Why a prediction left the join unjoined. */
  public enum Reason {
    /** Its horizon passed without an outcome (or its outcome came too late). */
    HORIZON,
    /** The join was full ({@code maxPending}) and this was the oldest pending prediction. */
    EVICTED
  }

  public Expiry {
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(reason, "reason");
  }
}
