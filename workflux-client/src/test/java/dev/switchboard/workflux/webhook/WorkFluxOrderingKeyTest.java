package dev.switchboard.workflux.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The inbox mode orders one conversation's events by the conversation each event names. */
class WorkFluxOrderingKeyTest {

  @Test
  void anEventIsOrderedByItsConversation() {
    WorkFluxEvent event =
        WorkFluxEvents.parse(
            "{\"type\":\"conversation.completed\",\"data\":{\"conversation_id\":\"conv_42\"}}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(event.orderingKey()).isEqualTo("conv_42");
  }

  @Test
  void anEventNamingNoConversationIsNotOrdered() {
    WorkFluxEvent event =
        WorkFluxEvents.parse(
            "{\"type\":\"agent.response\",\"data\":{\"agent_id\":\"a1\"}}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(event.orderingKey()).isNull();
  }
}
