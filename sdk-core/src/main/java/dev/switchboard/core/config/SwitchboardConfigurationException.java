package dev.switchboard.core.config;

import dev.switchboard.core.SwitchboardException;

/**
 * The SDK's configuration is incomplete, contradictory or unsafe, so the application must not
 * start. Spring Boot shows it as a failure analysis: {@link #description()} what is wrong, {@link
 * #action()} what to change; the message holds both, for applications without Boot.
 */
public class SwitchboardConfigurationException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  private final String description;
  private final String action;

  /**
   * Creates the exception.
   *
   * @param description what is wrong, naming the property; never a secret's value
   * @param action what to change, such as the property to set; empty when the description says it
   *     already
   */
  public SwitchboardConfigurationException(String description, String action) {
    super(action.isEmpty() ? description : description + " " + action);
    this.description = description;
    this.action = action;
  }

  /**
   * What is wrong, naming the property.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * What the user should change for the application to start.
   *
   * @return the action, one or more sentences
   */
  public String action() {
    return action;
  }
}
