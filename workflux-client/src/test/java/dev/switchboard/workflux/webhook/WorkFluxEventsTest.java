package dev.switchboard.workflux.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.SwitchboardException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkFluxEventsTest {

  static WorkFluxEvent parse(String json) {
    return WorkFluxEvents.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theThreeDocumentedTypesBecomeTheirRecords() {
    String completed =
        """
        {"id":"evt_1","type":"conversation.completed","created_at":"2024-01-01T12:00:00Z",
         "data":{"conversation_id":"cv_1","agent_id":"ag_1","outcome":"resolved"}}""";

    WorkFluxEvent event = parse(completed);

    assertThat(event).isInstanceOf(ConversationCompleted.class);
    assertThat(event.id()).isEqualTo("evt_1");
    assertThat(event.type()).isEqualTo("conversation.completed");
    assertThat(event.conversationId()).contains("cv_1");
    assertThat(event.agentId()).contains("ag_1");
    assertThat(event.field("outcome")).contains("resolved");
    assertThat(event.createdAtInstant()).contains(Instant.parse("2024-01-01T12:00:00Z"));
    assertThat(event.rawJson()).isEqualTo(completed);

    assertThat(parse("{\"type\":\"conversation.started\",\"data\":{}}"))
        .isInstanceOf(ConversationStarted.class);
    assertThat(parse("{\"event\":\"agent.response\",\"data\":{\"agent\":{\"id\":\"ag_9\"}}}"))
        .isInstanceOfSatisfying(AgentResponse.class, e -> assertThat(e.agentId()).contains("ag_9"));
  }

  @Test
  void anUnknownTypeReachesTheApplicationAsUnknownWorkFluxEvent() {
    WorkFluxEvent event =
        parse("{\"type\":\"escalation.created\",\"data\":{\"reason\":\"angry caller\"}}");

    assertThat(event)
        .isInstanceOfSatisfying(
            UnknownWorkFluxEvent.class,
            e -> {
              assertThat(e.type()).isEqualTo("escalation.created");
              assertThat(e.data()).containsEntry("reason", "angry caller");
            });
    assertThat(parse("{\"data\":{}}"))
        .isInstanceOfSatisfying(UnknownWorkFluxEvent.class, e -> assertThat(e.type()).isNull());
  }

  @Test
  void withoutDataTheBodyIsEveryOtherTopLevelField() {
    WorkFluxEvent event =
        parse("{\"event\":\"conversation.started\",\"conversationId\":\"cv_7\",\"timestamp\":1}");

    assertThat(event).isInstanceOf(ConversationStarted.class);
    assertThat(event.data()).doesNotContainKey("event").containsKey("timestamp");
    assertThat(event.conversationId()).contains("cv_7");
    assertThat(event.createdAtInstant()).contains(Instant.ofEpochSecond(1));
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsAClearError() {
    assertThatThrownBy(() -> parse("not json"))
        .isInstanceOf(SwitchboardException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(SwitchboardException.class);
    assertThatThrownBy(() -> parse("null")).isInstanceOf(SwitchboardException.class);
  }
}
