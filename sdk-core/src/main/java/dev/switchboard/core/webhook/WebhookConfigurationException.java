package dev.switchboard.core.webhook;

import dev.switchboard.core.SwitchboardException;

/** A webhook receiver is configured in a way that would be unsafe or cannot work. */
public class WebhookConfigurationException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and which property to set
   */
  public WebhookConfigurationException(String message) {
    super(message);
  }
}
