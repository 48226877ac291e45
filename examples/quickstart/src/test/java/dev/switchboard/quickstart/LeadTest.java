package dev.switchboard.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.futwork.lead.LeadSubmission;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadTest {

  private static List<Lead> read(String csv) throws Exception {
    return Lead.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "leads.csv");
  }

  @Test
  void readsRowsAndCarriesACampaignLeadsReferenceInItsData() throws Exception {
    List<Lead> leads =
        read(
            "platform,phone,reference,customer_name\nworkflow,9999789877,R1,A\nCampaign,9999789878,R2,B\n");

    assertThat(leads).extracting(Lead::platform).containsExactly("workflow", "campaign");
    LeadSubmission.ToWorkflow workflow =
        (LeadSubmission.ToWorkflow) leads.get(0).submission("wf", "c");
    LeadSubmission.ToCampaign campaign =
        (LeadSubmission.ToCampaign) leads.get(1).submission("wf", "c");
    assertThat(workflow.lead().referenceId()).isEqualTo("R1");
    assertThat(workflow.lead().recipientData()).containsEntry("customer_name", "A");
    assertThat(campaign.campaignId()).isEqualTo("c");
    assertThat(campaign.lead().recipientData()).containsEntry("reference", "R2");
  }

  @Test
  void namesTheLineOfABadRow() {
    assertThatThrownBy(() -> read("platform,phone,reference\nsms,1,R\n"))
        .hasMessage("leads.csv line 2: platform must be workflow or campaign, was sms");
    assertThatThrownBy(() -> read("platform,phone,reference\nworkflow,1\n"))
        .hasMessage("leads.csv line 2: 2 cells, expected 3");
    assertThatThrownBy(() -> read("phone,reference\n"))
        .hasMessage("leads.csv has no 'platform' column");
  }
}
