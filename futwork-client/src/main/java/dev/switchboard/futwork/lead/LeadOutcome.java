package dev.switchboard.futwork.lead;

import dev.switchboard.core.SwitchboardException;
import dev.switchboard.core.http.ApiException;
import java.util.Objects;

/**
 * What became of one lead of a bulk submission: accepted with a receipt, refused, sent with an
 * unknown outcome, or not attempted because the batch stopped first.
 *
 * @param index the lead's position in the submitted list
 * @param submission the lead as submitted
 * @param status what became of it
 * @param receipt the receipt, when the lead was accepted
 * @param error the exception a single submission would have thrown, when the lead was refused or
 *     its outcome is unknown
 */
public record LeadOutcome(
    int index,
    LeadSubmission submission,
    Status status,
    LeadReceipt receipt,
    SwitchboardException error) {

  /** What became of a lead. */
  public enum Status {
    /** The platform accepted the lead: {@link #receipt()} holds its answer. */
    ACCEPTED,
    /**
     * The lead was not acted on: invalid, refused by the platform, or it could not be sent. {@link
     * #error()} says why; fix what it names before submitting the lead again.
     */
    REFUSED,
    /**
     * The lead was sent but no usable answer came back (a {@code 500}, {@code 502} or {@code 504},
     * a time-out, a body that is not the platform's answer, or the batch stopped while waiting):
     * the platform may have accepted it. Check (by its reference) before submitting it again.
     */
    OUTCOME_UNKNOWN,
    /** The batch stopped before this lead was sent: submit it again as it is. */
    NOT_ATTEMPTED
  }

  /** Checks that the status agrees with the receipt and the error. */
  public LeadOutcome {
    Objects.requireNonNull(status, "status");
    if ((status == Status.ACCEPTED) != (receipt != null)) {
      throw new IllegalArgumentException("a receipt goes with ACCEPTED and only with it");
    }
    if ((status == Status.REFUSED || status == Status.OUTCOME_UNKNOWN) != (error != null)) {
      throw new IllegalArgumentException("an error goes with REFUSED or OUTCOME_UNKNOWN only");
    }
  }

  /**
   * An outcome from a receipt or an error, its status read from them: an {@link ApiException} whose
   * {@link ApiException#outcomeUnknown()} is true gives {@link Status#OUTCOME_UNKNOWN}.
   *
   * @param index the lead's position in the submitted list
   * @param submission the lead as submitted
   * @param receipt the receipt, or {@code null}
   * @param error the error, or {@code null}
   */
  public LeadOutcome(
      int index, LeadSubmission submission, LeadReceipt receipt, SwitchboardException error) {
    this(index, submission, statusOf(receipt, error), receipt, error);
  }

  /**
   * The outcome of a lead the batch never sent.
   *
   * @param index the lead's position in the submitted list
   * @param submission the lead as submitted
   * @return the outcome
   */
  public static LeadOutcome notAttempted(int index, LeadSubmission submission) {
    return new LeadOutcome(index, submission, Status.NOT_ATTEMPTED, null, null);
  }

  private static Status statusOf(LeadReceipt receipt, SwitchboardException error) {
    if (receipt != null) {
      return Status.ACCEPTED;
    }
    if (error == null) {
      return Status.NOT_ATTEMPTED;
    }
    return error instanceof ApiException api && api.outcomeUnknown()
        ? Status.OUTCOME_UNKNOWN
        : Status.REFUSED;
  }

  /**
   * Whether the platform accepted the lead.
   *
   * @return {@code true} when there is a receipt
   */
  public boolean succeeded() {
    return status == Status.ACCEPTED;
  }
}
