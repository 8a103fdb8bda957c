package dev.rekey.core;

/**
 * The call could not be completed over the network after every allowed attempt (connection refused,
 * TLS failure, timeout on a call that is safe to repeat).
 */
public final class TransportException extends RekeyException {
  private static final long serialVersionUID = 1L;

  private final boolean mayHaveReachedServer;
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param message what failed, without secrets
   * @param mayHaveReachedServer whether any attempt may have reached the service
   * @param attempts how many attempts were made
   * @param cause the last I/O failure
   */
  public TransportException(
      String message, boolean mayHaveReachedServer, int attempts, Throwable cause) {
    super(message + " after " + attempts + " attempt(s)", cause);
    this.mayHaveReachedServer = mayHaveReachedServer;
    this.attempts = attempts;
  }

  /** Returns whether any attempt may have reached the service. */
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }

  /** Returns how many attempts were made. */
  public int attempts() {
    return attempts;
  }
}
