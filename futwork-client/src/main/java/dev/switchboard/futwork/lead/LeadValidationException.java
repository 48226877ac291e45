package dev.switchboard.futwork.lead;

import dev.switchboard.core.SwitchboardException;

/**
 * A lead was refused before any request was sent, because a field the platform requires is missing
 * or malformed. The message names the field; phone numbers are never echoed in full.
 */
public class LeadValidationException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the field at fault, such as {@code recipientPhoneNumber}
   * @param message what is wrong and how to fix it, starting with the field's name
   */
  public LeadValidationException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * The field at fault.
   *
   * @return the field's name, as the platform spells it
   */
  public String field() {
    return field;
  }
}
