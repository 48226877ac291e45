package dev.switchboard.futwork.lead.internal;

import dev.switchboard.core.PhoneNumbers;

/**
 * The checks on a lead's fields and their messages, shared by the client's own checks before
 * sending and the Bean Validation constraints on the lead records, so the two always agree.
 */
public final class LeadChecks {

  /** A blank phone number. */
  public static final String PHONE_BLANK = "recipientPhoneNumber must not be blank";

  /** Null lead data. */
  public static final String DATA_NULL =
      "recipientData must not be null; pass an empty map when there is none";

  /** A blank reference of a workflow lead. */
  public static final String REFERENCE_BLANK =
      "referenceId must not be blank: Futwork Workflows requires your own identifier for the lead"
          + " (an order or AWB number), echoed in the post-call webhook";

  private LeadChecks() {}

  /**
   * What is wrong with a phone number that is not blank.
   *
   * @param raw the number as given
   * @return the message, or {@code null} when it reads as a 10-digit Indian number
   */
  public static String phoneProblem(String raw) {
    if (PhoneNumbers.toTenDigits(raw).isPresent()) {
      return null;
    }
    return "recipientPhoneNumber must be a 10-digit Indian number (spaces, dashes, brackets and a"
        + " leading +91, 91 or 0 are accepted); the value given has "
        + raw.replaceAll("\\D", "").length()
        + " digits";
  }
}
