package dev.switchboard.futwork.lead;

import java.util.Map;

/**
 * A lead for a Futwork workflow. All three fields are required by the platform; the client checks
 * them before sending (see {@link LeadClient#submitToWorkflow}).
 *
 * @param recipientPhoneNumber the number to call; spaces, dashes, brackets and a leading {@code
 *     +91}, {@code 91} or {@code 0} are accepted and stripped to the 10 digits the platform takes
 * @param recipientData the lead's custom fields (the workflow's lead schema); may be empty, never
 *     null
 * @param referenceId your identifier for the lead (an order or AWB number), echoed in the post-call
 *     webhook
 */
public record WorkflowLead(
    String recipientPhoneNumber, Map<String, Object> recipientData, String referenceId) {

  /**
   * Creates a workflow lead.
   *
   * @param recipientPhoneNumber the number to call
   * @param recipientData the lead's custom fields
   * @param referenceId your identifier for the lead
   * @return the lead
   */
  public static WorkflowLead of(
      String recipientPhoneNumber, Map<String, ?> recipientData, String referenceId) {
    return new WorkflowLead(recipientPhoneNumber, copy(recipientData), referenceId);
  }

  static Map<String, Object> copy(Map<String, ?> data) {
    return data == null
        ? null
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
  }
}
