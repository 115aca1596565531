package dev.gyre.api;

/**
 * Root of every error Gyre raises on purpose. Unchecked; each subtype says whether retrying the
 * same operation could succeed ({@link #retriable()}), so runtimes can choose between retry and
 * dead-lettering without parsing messages.
 */
public class GyreException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retriable;

  public GyreException(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  public GyreException(String message, boolean retriable) {
    this(message, retriable, null);
  }

  /** True when the same call may succeed later (a broker restart, a timeout); false for bad input. */
  public boolean retriable() {
    return retriable;
  }
}
