package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The inbox mode orders one call's deliveries by the key each post-call event gives. */
class FutworkOrderingKeyTest {

  @Test
  void aCampaignCallIsOrderedByItsCallSid() {
    FutworkEvent event = FutworkEvent.parse(Fixtures.payload("futwork-campaign-post-call.json"));
    assertThat(event).isInstanceOf(CampaignPostCall.class);
    assertThat(event.orderingKey()).isNotBlank().isEqualTo(((CampaignPostCall) event).callSid());
  }

  @Test
  void aWorkflowCallIsOrderedByItsReferenceId() {
    FutworkEvent event = FutworkEvent.parse(Fixtures.payload("futwork-workflow-post-call.json"));
    assertThat(event).isInstanceOf(WorkflowPostCall.class);
    assertThat(event.orderingKey())
        .isNotBlank()
        .isEqualTo(((WorkflowPostCall) event).referenceId());
  }

  @Test
  void anUnrecognisedPayloadIsNotOrdered() {
    FutworkEvent event =
        FutworkEvent.parse("{\"something\":\"else\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(event).isInstanceOf(UnrecognizedFutworkPayload.class);
    assertThat(event.orderingKey()).isNull();
  }
}
