package dev.switchboard.futwork.lead;

import dev.switchboard.futwork.lead.internal.LeadChecks;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * A lead for a campaign on the Futwork AI Platform. Both fields are required by the platform; the
 * client checks them before sending (see {@link LeadClient#submitToCampaign}).
 *
 * @param recipientPhoneNumber the number to call; spaces, dashes, brackets and a leading {@code
 *     +91}, {@code 91} or {@code 0} are accepted and stripped to the 10 digits the platform takes
 * @param recipientData the lead's custom fields (the campaign's lead schema); may be empty, never
 *     null
 */
public record CampaignLead(
    @NotBlank(message = LeadChecks.PHONE_BLANK) @IndianPhoneNumber String recipientPhoneNumber,
    @NotNull(message = LeadChecks.DATA_NULL) Map<String, Object> recipientData) {

  /**
   * Creates a campaign lead.
   *
   * @param recipientPhoneNumber the number to call
   * @param recipientData the lead's custom fields
   * @return the lead
   */
  public static CampaignLead of(String recipientPhoneNumber, Map<String, ?> recipientData) {
    return new CampaignLead(recipientPhoneNumber, WorkflowLead.copy(recipientData));
  }

  /**
   * Builds a campaign lead from any source record (a map, a JSON tree, a record or a bean) with a
   * field mapping, in one call. The mapping's target {@code recipientPhoneNumber} becomes that lead
   * field; every other target goes into {@code recipientData}.
   *
   * @param source the record to map
   * @param mapping the compiled mapping, such as one injected from {@code switchboard.mappings}
   * @return the lead, still to be validated on submission like any other
   * @throws dev.switchboard.core.mapping.MappingException listing every field's error when the
   *     mapping reported any; nothing is built, so nothing is submitted
   */
  public static CampaignLead from(
      Object source, dev.switchboard.core.mapping.FieldMapping mapping) {
    Map<String, Object> values = MappedLeads.apply(source, mapping);
    String phone = MappedLeads.take(values, MappedLeads.PHONE, mapping);
    return of(phone, values);
  }
}
