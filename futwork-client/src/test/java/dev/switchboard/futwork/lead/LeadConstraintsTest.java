package dev.switchboard.futwork.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.core.testing.BeanValidation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The constraints on the lead records say what the client's own checks say. */
class LeadConstraintsTest {

  /** Nothing listens here: a lead the client refuses is never sent. */
  final LeadClient client =
      LeadClient.builder()
          .apiKey("k")
          .workflowsBaseUrl("http://127.0.0.1:9")
          .campaignsBaseUrl("http://127.0.0.1:9")
          .build();

  static Stream<WorkflowLead> badWorkflowLeads() {
    Map<String, Object> data = new HashMap<>();
    return Stream.of(
        new WorkflowLead(null, data, "AWB-1"),
        new WorkflowLead("  ", data, "AWB-1"),
        new WorkflowLead("98765", data, "AWB-1"),
        new WorkflowLead("+1 415 555 0100", data, "AWB-1"),
        new WorkflowLead("9876543210", null, "AWB-1"),
        new WorkflowLead("9876543210", data, " "),
        new WorkflowLead("9876543210", data, null));
  }

  @ParameterizedTest
  @MethodSource("badWorkflowLeads")
  void aBadWorkflowLeadGetsTheClientsMessage(WorkflowLead lead) {
    LeadValidationException refused =
        catchThrowableOfType(
            () -> client.submitToWorkflow("wf_1", lead), LeadValidationException.class);

    assertThat(messages(lead)).containsExactly(refused.getMessage());
  }

  @Test
  void aBadCampaignLeadGetsTheClientsMessageAndAGoodOnePasses() {
    CampaignLead bad = new CampaignLead("12", Map.of());
    LeadValidationException refused =
        catchThrowableOfType(
            () -> client.submitToCampaign("c_1", bad), LeadValidationException.class);

    assertThat(messages(bad)).containsExactly(refused.getMessage());
    assertThat(messages(CampaignLead.of("+91 98765-43210", Map.of()))).isEmpty();
    assertThat(messages(WorkflowLead.of("098765 43210", Map.of("a", 1), "AWB-1"))).isEmpty();
  }

  @Test
  void aSubmissionValidatesItsLead() {
    LeadSubmission submission =
        LeadSubmission.workflow("wf_1", new WorkflowLead("9876543210", null, "AWB-1"));

    assertThat(BeanValidation.validator().validate(submission))
        .extracting(v -> v.getPropertyPath().toString())
        .containsExactly("lead.recipientData");
  }

  static List<String> messages(Object lead) {
    return BeanValidation.messages(lead);
  }
}
