package dev.switchboard.futwork.lead;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.switchboard.core.mapping.FieldMapping;
import dev.switchboard.core.mapping.MappingException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MappedLeadTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final FieldMapping ORDER_TO_LEAD =
      FieldMapping.fromJson(
          """
          {"mappings": [
            {"source": "customer.phone", "target": "recipientPhoneNumber", "transformation": "format_phone"},
            {"source": "awb", "target": "referenceId", "transformation": "trim", "required": true},
            {"source": ["customer.first_name", "customer.last_name"], "target": "customer_name",
             "transformation": "concat", "separator": " "},
            {"source": "customer.email", "target": "email", "transformation": "lowercase", "validation": "email"},
            {"source": "customer.address.city", "target": "place", "transformation": ["trim", "uppercase"]}
          ]}
          """);

  record Customer(
      String first_name,
      String last_name,
      String phone,
      String email,
      Map<String, String> address) {}

  record Order(String awb, Customer customer) {}

  LeadClient client() {
    return LeadClient.builder()
        .apiKey("k")
        .workflowsBaseUrl(wm.baseUrl())
        .campaignsBaseUrl(wm.baseUrl())
        .build();
  }

  @Test
  void aRecordAndAMappingBecomeAWorkflowLeadInOneCall() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
    Order order =
        new Order(
            " AWB123456789 ",
            new Customer(
                "Asha", "Rao", "+91 99997-89877", "Asha@Example.COM", Map.of("city", " pune ")));

    client().submitToWorkflow("wf_6512", WorkflowLead.from(order, ORDER_TO_LEAD));

    wm.verify(
        postRequestedFor(urlEqualTo("/workflows/wf_6512/leads"))
            .withRequestBody(
                equalToJson(
                    """
        {"recipientPhoneNumber": "9999789877", "referenceId": "AWB123456789",
         "recipientData": {"customer_name": "Asha Rao", "email": "asha@example.com", "place": "PUNE"}}""")));
  }

  @Test
  void aCampaignLeadKeepsEveryOtherTargetAsRecipientData() {
    CampaignLead lead =
        CampaignLead.from(
            Map.of("awb", "A1", "customer", Map.of("phone", "09999789877", "first_name", "Asha")),
            ORDER_TO_LEAD);

    assertThat(lead.recipientPhoneNumber()).isEqualTo("9999789877");
    assertThat(lead.recipientData())
        .containsEntry("referenceId", "A1")
        .containsEntry("customer_name", "Asha");
  }

  @Test
  void mappingErrorsRefuseTheLeadListingEveryFieldAndNothingIsSent() {
    Order bad = new Order(null, new Customer("Asha", "Rao", "12", "not-an-email", Map.of()));

    assertThatThrownBy(() -> client().submitToWorkflow("wf", WorkflowLead.from(bad, ORDER_TO_LEAD)))
        .isInstanceOfSatisfying(
            MappingException.class,
            e ->
                assertThat(e.errors())
                    .extracting(err -> err.target())
                    .containsExactlyInAnyOrder("recipientPhoneNumber", "referenceId", "email"));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
