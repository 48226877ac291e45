package dev.switchboard.core.webhook;

import dev.switchboard.core.SwitchboardException;

/**
 * A delivery's body could not be read (answered 400). Its message says where, never what the body
 * held.
 */
public class WebhookPayloadException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the body, without quoting it
   */
  public WebhookPayloadException(String message) {
    super(message);
  }
}
