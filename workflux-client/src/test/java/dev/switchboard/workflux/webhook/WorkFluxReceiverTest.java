package dev.switchboard.workflux.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/**
 * The WorkFlux receiver over real HTTP on a random port, with deliveries signed by {@link
 * WorkFluxWebhookSigner} and the application's clock fixed at {@link TestApp#NOW}.
 */
@SpringBootTest(
    classes = TestApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "workflux.client-id=client-receiver-test",
      "workflux.client-secret=cs_receiver_test_9a8b7c",
      "workflux.webhook.secret=" + WorkFluxReceiverTest.NEW,
      "workflux.webhook.previous-secrets=" + WorkFluxReceiverTest.OLD
    })
@ExtendWith(OutputCaptureExtension.class)
class WorkFluxReceiverTest {

  static final String NEW = "whk_new_5e1f0c9a7b";
  static final String OLD = "whk_old_2d8c4b1e3f";
  static final String WRONG = "whk_wrong_00000000";
  static final Instant NOW = TestApp.NOW;

  @Autowired Environment environment;
  @Autowired Recorder recorder;
  @Autowired MutableClock clock;

  Http http;

  @BeforeEach
  void reset() {
    recorder.reset();
    http =
        new Http(
            Integer.parseInt(environment.getRequiredProperty("local.server.port")),
            "/webhooks/workflux");
  }

  static byte[] body(String type) {
    return ("{\"id\":\"evt_"
            + UUID.randomUUID()
            + "\",\"type\":\""
            + type
            + "\",\"created_at\":\"2026-03-01T09:59:58Z\",\"data\":{\"conversation_id\":\"cv_1\","
            + "\"agent_id\":\"ag_1\",\"summary\":\"resolved\",\"extra\":{\"n\":1}}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, String> signed(String secret, Instant at, byte[] body) {
    return WorkFluxWebhookSigner.of(secret).sign("msg_" + UUID.randomUUID(), at, body);
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  static void assertUnauthorized(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("title").asText()).isEqualTo("Unauthorized");
    assertThat(problem.path("instance").asText()).isEqualTo("/webhooks/workflux");
  }

  @Test
  void aValidSignatureIsPublishedWithItsDelivery() throws Exception {
    byte[] body = body("conversation.completed");
    Map<String, String> headers = signed(NEW, NOW, body);

    HttpResponse<String> response = http.post(body, headers);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("status").asText()).isEqualTo("handled");
    // the answer holds nothing the sender chose, not even the webhook-id
    assertThat(response.body()).isEqualTo("{\"status\":\"handled\"}");
    assertThat(recorder.completed).hasSize(1);
    assertThat(recorder.all).hasSize(1);
    ConversationCompleted event = recorder.completed.get(0);
    assertThat(event.conversationId()).contains("cv_1");
    assertThat(event.agentId()).contains("ag_1");
    assertThat(event.field("summary")).contains("resolved");
    assertThat(event.rawJson()).isEqualTo(new String(body, StandardCharsets.UTF_8));
    assertThat(event.delivery()).isNotNull();
    assertThat(event.delivery().source()).isEqualTo("workflux");
    assertThat(event.delivery().idempotencyKey()).isEqualTo(headers.get("webhook-id"));
    assertThat(event.delivery().receivedAt()).isEqualTo(NOW);
    assertThat(event.delivery().body()).isEqualTo(body);
    assertThat(event.delivery().header("webhook-id")).contains(headers.get("webhook-id"));
    assertThat(event.delivery().header("webhook-timestamp"))
        .contains(headers.get("webhook-timestamp"));
    assertThat(event.delivery().header("webhook-signature")).isEmpty();
    assertThat(event.delivery().headers().keySet())
        .noneMatch(h -> h.toLowerCase(Locale.ROOT).contains("signature"));
    // the delivery stays out of the event's JSON form
    assertThat(Json.mapper().writeValueAsString(event))
        .doesNotContain("delivery")
        .doesNotContain("idempotencyKey");
  }

  @Test
  void aWrongSecretIsRefusedAndNothingIsPublished() throws Exception {
    byte[] body = body("conversation.completed");
    assertUnauthorized(http.post(body, signed(WRONG, NOW, body)));
    assertThat(recorder.all).isEmpty();
  }

  @Test
  void aTamperedBodyIsRefused() throws Exception {
    byte[] body = body("conversation.completed");
    Map<String, String> headers = signed(NEW, NOW, body);
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("resolved", "escalated")
            .getBytes(StandardCharsets.UTF_8);
    assertUnauthorized(http.post(tampered, headers));
    // a whitespace change is a change too: the raw bytes are signed
    byte[] reformatted =
        new String(body, StandardCharsets.UTF_8)
            .replace(",", ", ")
            .getBytes(StandardCharsets.UTF_8);
    assertUnauthorized(http.post(reformatted, headers));
    assertThat(recorder.all).isEmpty();
  }

  @Test
  void timestampsOutsideFiveMinutesEitherWayAreRefused(CapturedOutput output) throws Exception {
    byte[] body = body("agent.response");
    assertUnauthorized(http.post(body, signed(NEW, NOW.minus(Duration.ofMinutes(6)), body)));
    assertUnauthorized(http.post(body, signed(NEW, NOW.plus(Duration.ofMinutes(6)), body)));
    assertThat(recorder.all).isEmpty();
    assertThat(output.getAll()).contains("STALE").contains("behind").contains("ahead of");

    assertThat(http.post(body, signed(NEW, NOW.minus(Duration.ofMinutes(4)), body)).statusCode())
        .isEqualTo(200);
    assertThat(http.post(body, signed(NEW, NOW.plus(Duration.ofMinutes(4)), body)).statusCode())
        .isEqualTo(200);
    assertThat(recorder.responses).hasSize(2);
  }

  @Test
  void timeIsTheApplicationsClock() throws Exception {
    byte[] body = body("agent.response");
    // signed "now" by the wall clock, months away from the application's clock
    assertUnauthorized(http.post(body, signed(NEW, Instant.now(), body)));

    Map<String, String> headers = signed(NEW, NOW, body);
    clock.advance(Duration.ofMinutes(6));
    try {
      assertUnauthorized(http.post(body, headers));
    } finally {
      clock.advance(Duration.ofMinutes(-6));
    }
    assertThat(http.post(body, headers).statusCode()).isEqualTo(200);
    assertThat(recorder.responses).hasSize(1);
  }

  @Test
  void missingHeadersAreRefused(CapturedOutput output) throws Exception {
    byte[] body = body("conversation.started");
    Map<String, String> headers = signed(NEW, NOW, body);
    for (String missing : headers.keySet()) {
      Map<String, String> partial = new LinkedHashMap<>(headers);
      partial.remove(missing);
      assertUnauthorized(http.post(body, partial));
      assertThat(output.getAll()).contains("The " + missing + " header is missing");
    }
    assertUnauthorized(http.post(body, Map.of()));
    Map<String, String> blank = new LinkedHashMap<>(headers);
    blank.put("webhook-signature", "v1,");
    assertUnauthorized(http.post(body, blank));
    Map<String, String> notANumber = new LinkedHashMap<>(headers);
    notANumber.put("webhook-timestamp", "yesterday");
    assertUnauthorized(http.post(body, notANumber));
    assertThat(recorder.all).isEmpty();
    assertThat(output.getAll()).contains("MISSING_HEADER").contains("MALFORMED");
  }

  @Test
  void headerNamesInUpperAndLowerCase() throws Exception {
    byte[] body = body("conversation.started");
    Map<String, String> upper = new LinkedHashMap<>();
    signed(NEW, NOW, body).forEach((k, v) -> upper.put(k.toUpperCase(Locale.ROOT), v));
    assertThat(http.post(body, upper).statusCode()).isEqualTo(200);

    byte[] other = body("conversation.started");
    Map<String, String> lower = signed(NEW, NOW, other);
    assertThat(lower).containsKey("webhook-signature");
    assertThat(http.post(other, lower).statusCode()).isEqualTo(200);
    assertThat(recorder.started).hasSize(2);
    assertThat(recorder.started.get(0).delivery().header("webhook-signature")).isEmpty();
    assertThat(recorder.started.get(0).delivery().header("WEBHOOK-SIGNATURE")).isEmpty();

    byte[] third = body("conversation.started");
    Map<String, String> capitalised = new LinkedHashMap<>();
    signed(NEW, NOW, third)
        .forEach(
            (k, v) ->
                capitalised.put(
                    k.substring(0, 1).toUpperCase(Locale.ROOT)
                        + k.substring(1, 8)
                        + k.substring(8, 9).toUpperCase(Locale.ROOT)
                        + k.substring(9),
                    v));
    assertThat(capitalised).containsKey("Webhook-Signature");
    assertThat(http.post(third, capitalised).statusCode()).isEqualTo(200);
    assertThat(recorder.started).hasSize(3);
  }

  @Test
  void bothSecretsAreAcceptedDuringRotation() throws Exception {
    byte[] first = body("conversation.completed");
    assertThat(http.post(first, signed(OLD, NOW, first)).statusCode()).isEqualTo(200);
    byte[] second = body("conversation.completed");
    assertThat(http.post(second, signed(NEW, NOW, second)).statusCode()).isEqualTo(200);

    // WorkFlux signing with both secrets at once: one matching signature is enough
    byte[] third = body("conversation.completed");
    Map<String, String> headers = signed(NEW, NOW, third);
    String wrong = WorkFluxWebhookSigner.of(WRONG).signature(headers.get("webhook-id"), NOW, third);
    headers.put("webhook-signature", wrong + " " + headers.get("webhook-signature"));
    assertThat(http.post(third, headers).statusCode()).isEqualTo(200);

    byte[] fourth = body("conversation.completed");
    assertUnauthorized(http.post(fourth, signed(WRONG, NOW, fourth)));
    assertThat(recorder.completed).hasSize(3);
  }

  @Test
  void aDuplicateWebhookIdIsAnsweredOkAndPublishedOnce() throws Exception {
    byte[] body = body("conversation.completed");
    Map<String, String> headers = signed(NEW, NOW, body);

    HttpResponse<String> first = http.post(body, headers);
    HttpResponse<String> again = http.post(body, headers);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("status").asText()).isEqualTo("duplicate");
    assertThat(again.body()).doesNotContain(headers.get("webhook-id"));

    // the same id signed again over another body (a retry re-rendered) is the same delivery
    byte[] rerendered = body("conversation.completed");
    Map<String, String> resigned =
        WorkFluxWebhookSigner.of(NEW).sign(headers.get("webhook-id"), NOW, rerendered);
    assertThat(http.post(rerendered, resigned).statusCode()).isEqualTo(200);

    assertThat(recorder.completed).hasSize(1);
    assertThat(recorder.all).hasSize(1);
  }

  @Test
  void anUnknownEventTypeReachesTheUnknownListener() throws Exception {
    byte[] body = body("escalation.created");
    HttpResponse<String> response = http.post(body, signed(NEW, NOW, body));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(recorder.unknown).hasSize(1);
    UnknownWorkFluxEvent event = recorder.unknown.get(0);
    assertThat(event.type()).isEqualTo("escalation.created");
    assertThat(event.conversationId()).contains("cv_1");
    assertThat(event.delivery()).isNotNull();
    assertThat(recorder.all).containsExactly(event);
    assertThat(recorder.completed).isEmpty();
  }

  @Test
  void aFamilyListenerReceivesEveryType() throws Exception {
    for (String type :
        new String[] {
          "conversation.started", "agent.response", "conversation.completed", "integration.status"
        }) {
      byte[] body = body(type);
      assertThat(http.post(body, signed(NEW, NOW, body)).statusCode()).isEqualTo(200);
    }
    assertThat(recorder.all)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "ConversationStarted",
            "AgentResponse",
            "ConversationCompleted",
            "UnknownWorkFluxEvent");
    assertThat(recorder.started).hasSize(1);
    assertThat(recorder.responses).hasSize(1);
    assertThat(recorder.completed).hasSize(1);
    assertThat(recorder.unknown).hasSize(1);
  }

  @Test
  void aSignedBodyThatIsNotAJsonObjectIs400AndNothingIsPublished() throws Exception {
    byte[] body = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = http.post(body, signed(NEW, NOW, body));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("detail").asText()).contains("not a JSON object");
    assertThat(recorder.all).isEmpty();
  }

  @Test
  void noSecretOrSignatureInLogsOrProblems(CapturedOutput output) throws Exception {
    byte[] body = body("conversation.completed");
    Map<String, String> wrong = signed(WRONG, NOW, body);
    Map<String, String> stale = signed(NEW, NOW.minus(Duration.ofMinutes(6)), body);
    Map<String, String> good = signed(OLD, NOW, body);
    StringBuilder answers = new StringBuilder();
    answers.append(http.post(body, wrong).body());
    answers.append(http.post(body, stale).body());
    answers.append(http.post(body, good).body());
    assertThat(recorder.all).hasSize(1);

    String logs = output.getAll();
    assertThat(logs).contains("Refused an unauthenticated workflux delivery");
    for (String secret : new String[] {NEW, OLD, WRONG}) {
      assertThat(logs).doesNotContain(secret);
      assertThat(answers.toString()).doesNotContain(secret);
    }
    for (Map<String, String> h : java.util.List.of(wrong, stale, good)) {
      String signature = h.get("webhook-signature").substring(3);
      assertThat(logs).doesNotContain(signature);
      assertThat(answers.toString()).doesNotContain(signature);
    }
  }
}
