package dev.switchboard.core.webhook;

import dev.switchboard.core.config.SwitchboardConfigurationException;

/** A webhook receiver is configured in a way that would be unsafe or cannot work. */
public class WebhookConfigurationException extends SwitchboardConfigurationException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and which property to set
   */
  public WebhookConfigurationException(String message) {
    super(message, "");
  }

  /**
   * Creates the exception with the action Boot's failure analysis shows.
   *
   * @param description what is wrong, naming the property
   * @param action what to change
   */
  public WebhookConfigurationException(String description, String action) {
    super(description, action);
  }
}
