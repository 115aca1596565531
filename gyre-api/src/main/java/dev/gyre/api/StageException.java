package dev.gyre.api;

/** A stage could not start or keep running (broker unreachable, topic cannot be created, ...). */
public final class StageException extends GyreException {
  private static final long serialVersionUID = 1L;

  public StageException(String message, boolean retriable, Throwable cause) {
    super(message, retriable, cause);
  }

  public StageException(String message, boolean retriable) {
    super(message, retriable);
  }
}
