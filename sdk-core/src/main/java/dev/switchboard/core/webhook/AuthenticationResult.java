package dev.switchboard.core.webhook;

/**
 * The answer of a {@link WebhookAuthenticator}.
 *
 * @param authenticated whether the request is genuine
 * @param reason why not, in words safe to log (never a presented or expected credential)
 */
public record AuthenticationResult(boolean authenticated, String reason) {

  private static final AuthenticationResult OK = new AuthenticationResult(true, "authenticated");

  /**
   * The request is genuine.
   *
   * @return success
   */
  public static AuthenticationResult success() {
    return OK;
  }

  /**
   * The request is not genuine.
   *
   * @param reason why, without any credential
   * @return failure
   */
  public static AuthenticationResult failure(String reason) {
    return new AuthenticationResult(false, reason);
  }
}
