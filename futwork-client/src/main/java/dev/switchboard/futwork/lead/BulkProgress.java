package dev.switchboard.futwork.lead;

/**
 * Told of each lead of a bulk submission as it completes. Calls never overlap, so an implementation
 * needs no locking; it should return quickly. An exception it throws is logged and the batch goes
 * on: it never costs an outcome.
 */
@FunctionalInterface
public interface BulkProgress {

  /**
   * A lead completed.
   *
   * @param completed how many leads have completed so far, this one included
   * @param total how many leads were submitted
   * @param outcome this lead's outcome
   */
  void onOutcome(int completed, int total, LeadOutcome outcome);
}
