package dev.switchboard.futwork.lead;

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
public record CampaignLead(String recipientPhoneNumber, Map<String, Object> recipientData) {

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
}
