package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowforgeSandboxTest {

  private TestReceiver receiver;
  private Sandbox sandbox;

  @BeforeEach
  void start() throws Exception {
    receiver = new TestReceiver();
    sandbox =
        Sandbox.builder()
            .futworkApiKey("k")
            .futworkCallbackUrl(receiver.url("/futwork"))
            .flowforgeCallbackUrl(receiver.url("/flowforge"))
            .flowforgeHeader("X-Flowforge-Token", "ff-secret")
            .callDelay(Duration.ZERO, Duration.ZERO)
            .start();
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  @Test
  void aTriggeredConversationSendsFormIntentAndClosedInOrder() throws Exception {
    Client.Answer answer =
        new Client(sandbox)
            .post(
                "/flowforge/conversations",
                "{\"field_values\":{\"name\":\"Smith\",\"email\":\"s@example.com\"},"
                    + "\"intent_name\":\"SALES\",\"first_message\":\"User: hi\"}",
                Map.of());

    assertThat(answer.status()).isEqualTo(202);
    String conversationId = answer.json().path("conversation_id").asText();
    List<TestReceiver.Received> events = receiver.next(3);

    assertThat(events).allSatisfy(e -> assertThat(e.path()).isEqualTo("/flowforge"));
    assertThat(events)
        .allSatisfy(e -> assertThat(e.header("X-Flowforge-Token")).isEqualTo("ff-secret"));
    JsonNode form = events.get(0).json();
    JsonNode intent = events.get(1).json();
    JsonNode closed = events.get(2).json();
    assertThat(form.path("event").asText()).isIn("captured_form.created", "capturedform.created");
    assertThat(form.path("data").path("field_values").path("email").asText())
        .isEqualTo("s@example.com");
    assertThat(intent.path("event").asText())
        .isIn("captured_intent.created", "capturedintent.created");
    assertThat(intent.path("data").path("intent_name").asText()).isEqualTo("SALES");
    assertThat(closed.path("event").asText()).isEqualTo("conversation.closed");
    assertThat(closed.path("data").path("first_message").asText()).isEqualTo("User: hi");
    for (JsonNode event : List.of(form, intent, closed)) {
      assertThat(event.path("object").asText()).isEqualTo("event");
      assertThat(event.path("created_at").asText())
          .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
      assertThat(event.path("data").path("conversation_id").asText()).isEqualTo(conversationId);
    }
  }

  @Test
  void anEmptyTriggerSendsOnlyConversationClosed() throws Exception {
    Client.Answer answer = new Client(sandbox).post("/flowforge/conversations", "", Map.of());

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().path("events").toString()).isEqualTo("[\"conversation.closed\"]");
    assertThat(receiver.next().json().path("event").asText()).isEqualTo("conversation.closed");
  }

  @Test
  void answeredCampaignCallsAlsoCloseAFlowforgeConversation() throws Exception {
    Client client = new Client(sandbox);
    for (int i = 0; i < 6; i++) {
      client.post(
          "/platform/api/campaigns/c/leads",
          "{\"recipientPhoneNumber\":\"900000000"
              + i
              + "\",\"recipientData\":{\"name\":\"N"
              + i
              + "\"}}",
          Map.of("x-api-key", "k"));
    }
    for (int i = 0; i < 2000 && !sandbox.idle(); i++) {
      Thread.sleep(10);
    }
    List<TestReceiver.Received> all = receiver.drain();
    long answered =
        all.stream()
            .filter(r -> r.path().equals("/futwork"))
            .filter(r -> r.json().path("status").asText().equals("call-disconnected"))
            .count();
    long closed =
        all.stream()
            .filter(r -> r.path().equals("/flowforge"))
            .filter(r -> r.json().path("event").asText().equals("conversation.closed"))
            .count();

    assertThat(answered).isPositive();
    assertThat(closed).isEqualTo(answered);
  }

  @Test
  void withoutACallbackUrlTheTriggerSaysWhatToSet() throws Exception {
    try (Sandbox bare = Sandbox.builder().start()) {
      Client.Answer answer = new Client(bare).post("/flowforge/conversations", "{}", Map.of());

      assertThat(answer.status()).isEqualTo(409);
      assertThat(answer.json().path("message").asText()).contains("flowforge.callback-url");
    }
  }
}
