package dev.gyre.api;

/** A model could not be trained, loaded or run. Loading errors are not retriable. */
public final class ModelException extends GyreException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message, Throwable cause) {
    super(message, false, cause);
  }

  public ModelException(String message) {
    super(message, false);
  }
}
