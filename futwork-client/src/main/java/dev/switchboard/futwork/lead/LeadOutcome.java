package dev.switchboard.futwork.lead;

import dev.switchboard.core.SwitchboardException;

/**
 * What became of one lead of a bulk submission: a receipt, or the exception that a single
 * submission would have thrown.
 *
 * @param index the lead's position in the submitted list
 * @param submission the lead as submitted
 * @param receipt the receipt, or {@code null} when the lead failed
 * @param error why the lead failed, or {@code null} when it was accepted
 */
public record LeadOutcome(
    int index, LeadSubmission submission, LeadReceipt receipt, SwitchboardException error) {

  /**
   * Whether the platform accepted the lead.
   *
   * @return {@code true} when there is a receipt
   */
  public boolean succeeded() {
    return error == null;
  }
}
