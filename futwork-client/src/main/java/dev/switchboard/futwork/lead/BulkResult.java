package dev.switchboard.futwork.lead;

import java.util.List;

/**
 * The outcome of a bulk submission: one {@link LeadOutcome} per lead, in the order given.
 *
 * @param outcomes the outcomes, in input order
 */
public record BulkResult(List<LeadOutcome> outcomes) {

  /** Copies the outcomes. */
  public BulkResult {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * The leads the platform accepted.
   *
   * @return their outcomes, in input order
   */
  public List<LeadOutcome> succeeded() {
    return outcomes.stream().filter(LeadOutcome::succeeded).toList();
  }

  /**
   * The leads that failed.
   *
   * @return their outcomes, in input order
   */
  public List<LeadOutcome> failed() {
    return outcomes.stream().filter(o -> !o.succeeded()).toList();
  }

  /**
   * Whether every lead was accepted.
   *
   * @return {@code true} when none failed
   */
  public boolean allSucceeded() {
    return outcomes.stream().allMatch(LeadOutcome::succeeded);
  }
}
