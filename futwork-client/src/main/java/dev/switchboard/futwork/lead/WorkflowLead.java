package dev.switchboard.futwork.lead;

import dev.switchboard.futwork.lead.internal.LeadChecks;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * A lead for a Futwork workflow. All three fields are required by the platform; the client checks
 * them before sending (see {@link LeadClient#submitToWorkflow}), and the same checks are Bean
 * Validation constraints, with the same messages, for validating a lead with {@code @Valid} at your
 * own edge.
 *
 * @param recipientPhoneNumber the number to call; spaces, dashes, brackets and a leading {@code
 *     +91}, {@code 91} or {@code 0} are accepted and stripped to the 10 digits the platform takes
 * @param recipientData the lead's custom fields (the workflow's lead schema); may be empty, never
 *     null
 * @param referenceId your identifier for the lead (an order or AWB number), echoed in the post-call
 *     webhook
 */
public record WorkflowLead(
    @NotBlank(message = LeadChecks.PHONE_BLANK) @IndianPhoneNumber String recipientPhoneNumber,
    @NotNull(message = LeadChecks.DATA_NULL) Map<String, Object> recipientData,
    @NotBlank(message = LeadChecks.REFERENCE_BLANK) String referenceId) {

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

  /**
   * Builds a workflow lead from any source record (a map, a JSON tree, a record or a bean) with a
   * field mapping, in one call. The mapping's targets {@code recipientPhoneNumber} and {@code
   * referenceId} become those lead fields; every other target goes into {@code recipientData}.
   *
   * @param source the record to map
   * @param mapping the compiled mapping, such as one injected from {@code switchboard.mappings}
   * @return the lead, still to be validated on submission like any other
   * @throws dev.switchboard.core.mapping.MappingException listing every field's error when the
   *     mapping reported any; nothing is built, so nothing is submitted
   */
  public static WorkflowLead from(
      Object source, dev.switchboard.core.mapping.FieldMapping mapping) {
    Map<String, Object> values = MappedLeads.apply(source, mapping);
    String phone = MappedLeads.take(values, MappedLeads.PHONE, mapping);
    String reference = MappedLeads.take(values, MappedLeads.REFERENCE, mapping);
    return of(phone, values, reference);
  }

  static Map<String, Object> copy(Map<String, ?> data) {
    return data == null
        ? null
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
  }
}
