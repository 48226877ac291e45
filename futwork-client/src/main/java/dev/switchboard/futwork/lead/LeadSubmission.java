package dev.switchboard.futwork.lead;

import jakarta.validation.Valid;

/** One lead of a bulk submission, with where it goes: a workflow or a campaign. */
public sealed interface LeadSubmission {

  /**
   * A lead for a workflow.
   *
   * @param workflowId the workflow
   * @param lead the lead
   * @return the submission
   */
  static LeadSubmission workflow(String workflowId, WorkflowLead lead) {
    return new ToWorkflow(workflowId, lead);
  }

  /**
   * A lead for a campaign.
   *
   * @param campaignId the campaign
   * @param lead the lead
   * @return the submission
   */
  static LeadSubmission campaign(String campaignId, CampaignLead lead) {
    return new ToCampaign(campaignId, lead);
  }

  /**
   * A lead for a Futwork workflow.
   *
   * @param workflowId the workflow
   * @param lead the lead
   */
  record ToWorkflow(String workflowId, @Valid WorkflowLead lead) implements LeadSubmission {}

  /**
   * A lead for a Futwork AI Platform campaign.
   *
   * @param campaignId the campaign
   * @param lead the lead
   */
  record ToCampaign(String campaignId, @Valid CampaignLead lead) implements LeadSubmission {}
}
