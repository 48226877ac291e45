package dev.switchboard.futwork.lead;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a bulk submission: one {@link LeadOutcome} per lead, in the order given, whatever
 * stopped the batch, and why it ended.
 *
 * @param outcomes the outcomes, in input order, one per lead
 * @param completion whether every lead was attempted, or what stopped the batch first
 */
public record BulkResult(List<LeadOutcome> outcomes, Completion completion) {

  /** How a batch ended. */
  public enum Completion {
    /** Every lead was attempted. */
    FINISHED,
    /**
     * The calling thread was interrupted: leads not yet sent are {@link
     * LeadOutcome.Status#NOT_ATTEMPTED}, those in flight were interrupted and their outcome is
     * unknown. The thread's interrupt flag is set again when {@code submitAll} returns.
     */
    INTERRUPTED,
    /** The batch's time limit ran out; the leads are reported as for {@link #INTERRUPTED}. */
    TIME_LIMIT
  }

  /** Copies the outcomes. */
  public BulkResult {
    outcomes = List.copyOf(outcomes);
    Objects.requireNonNull(completion, "completion");
  }

  /**
   * A batch in which every lead was attempted.
   *
   * @param outcomes the outcomes, in input order
   */
  public BulkResult(List<LeadOutcome> outcomes) {
    this(outcomes, Completion.FINISHED);
  }

  /**
   * The leads the platform accepted.
   *
   * @return their outcomes, in input order
   */
  public List<LeadOutcome> succeeded() {
    return with(LeadOutcome.Status.ACCEPTED);
  }

  /**
   * Every lead that was not accepted: refused, of unknown outcome, or not attempted.
   *
   * @return their outcomes, in input order
   */
  public List<LeadOutcome> failed() {
    return outcomes.stream().filter(o -> !o.succeeded()).toList();
  }

  /**
   * The leads that were not acted on: invalid, refused by the platform, or not sendable.
   *
   * @return their outcomes, in input order
   */
  public List<LeadOutcome> refused() {
    return with(LeadOutcome.Status.REFUSED);
  }

  /**
   * The leads that were sent without a usable answer: the platform may have accepted them, so check
   * before submitting them again.
   *
   * @return their outcomes, in input order
   */
  public List<LeadOutcome> outcomeUnknown() {
    return with(LeadOutcome.Status.OUTCOME_UNKNOWN);
  }

  /**
   * The leads never sent because the batch stopped first.
   *
   * @return their outcomes, in input order
   */
  public List<LeadOutcome> notAttempted() {
    return with(LeadOutcome.Status.NOT_ATTEMPTED);
  }

  /**
   * The leads never sent, ready to pass to {@code submitAll} again: sending them cannot call anyone
   * twice.
   *
   * @return the submissions, in input order
   */
  public List<LeadSubmission> toResubmit() {
    return notAttempted().stream().map(LeadOutcome::submission).toList();
  }

  /**
   * Whether every lead was accepted.
   *
   * @return {@code true} when none failed and none was left out
   */
  public boolean allSucceeded() {
    return outcomes.stream().allMatch(LeadOutcome::succeeded);
  }

  private List<LeadOutcome> with(LeadOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).toList();
  }
}
