package dev.gyre.api;

/**
 * A model could not be trained, loaded or run. Loading errors are not retriable; a call to a remote
 * model server that failed for a reason that may pass (a timeout, a server error) is.
 */
public final class ModelException extends GyreException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message, Throwable cause) {
    super(message, false, cause);
  }

  public ModelException(String message) {
    super(message, false);
  }

  /** @param retriable whether the same call may succeed later, such as after a server restart */
  public ModelException(String message, boolean retriable, Throwable cause) {
    super(message, retriable, cause);
  }
}
