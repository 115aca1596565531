package dev.gyre.remote.internal;

/**
 * One attempt at a call failed.
 *
 * <p>{@code serverDown} says the server's side is at fault (no connection, a 5xx, a timeout): such an
 * attempt is retried and counts against the circuit breaker. Otherwise (a 4xx, a response Gyre
 * cannot read, the circuit open, no free call slot) retrying the same request would not help.
 */
public final class CallFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean serverDown;

  public CallFailure(String message, boolean serverDown, Throwable cause) {
    super(message, cause);
    this.serverDown = serverDown;
  }

  public boolean serverDown() {
    return serverDown;
  }
}
