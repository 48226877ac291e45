package dev.switchboard.core;

/**
 * The root of every exception the SDK throws, so that one {@code catch} covers the SDK.
 *
 * <p>No message of a subclass ever holds an API key, client secret, webhook secret or token.
 */
public class SwitchboardException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong and what to do next
   */
  public SwitchboardException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what went wrong and what to do next
   * @param cause the underlying failure
   */
  public SwitchboardException(String message, Throwable cause) {
    super(message, cause);
  }
}
