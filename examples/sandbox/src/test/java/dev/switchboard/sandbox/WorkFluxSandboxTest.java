package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkFluxSandboxTest {

  private static final String CREDENTIALS =
      "{\"client_id\":\"cid\",\"client_secret\":\"csecret\",\"grant_type\":\"client_credentials\"}";

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }
  }

  private final MovableClock clock = new MovableClock();
  private TestReceiver receiver;
  private Sandbox sandbox;
  private Client client;

  @BeforeEach
  void start() throws Exception {
    receiver = new TestReceiver();
    sandbox =
        Sandbox.builder()
            .workfluxCredentials("cid", "csecret")
            .workfluxTokenTtl(Duration.ofMinutes(10))
            .clock(clock)
            .start();
    client = new Client(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  private Map<String, String> bearer() throws Exception {
    Client.Answer token = client.post("/workflux/v1/auth/token", CREDENTIALS, Map.of());
    assertThat(token.status()).isEqualTo(200);
    return Map.of("Authorization", "Bearer " + token.json().path("access_token").asText());
  }

  @Test
  void issuesTokensForTheRightCredentialsOnly() throws Exception {
    Client.Answer ok = client.post("/workflux/v1/auth/token", CREDENTIALS, Map.of());
    Client.Answer wrong =
        client.post("/workflux/v1/auth/token", CREDENTIALS.replace("csecret", "nope"), Map.of());
    Client.Answer grant =
        client.post(
            "/workflux/v1/auth/token",
            CREDENTIALS.replace("client_credentials", "password"),
            Map.of());

    assertThat(ok.json().path("access_token").asText()).isNotBlank();
    assertThat(ok.json().path("token_type").asText()).isEqualTo("Bearer");
    assertThat(ok.json().path("expires_in").asLong()).isEqualTo(600);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().path("error").asText()).isEqualTo("invalid_client");
    assertThat(grant.status()).isEqualTo(400);
    assertThat(grant.json().path("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void theApiNeedsAValidUnexpiredToken() throws Exception {
    Map<String, String> bearer = bearer();

    assertThat(client.get("/workflux/v1/agents", Map.of()).status()).isEqualTo(401);
    assertThat(client.get("/workflux/v1/agents", Map.of("Authorization", "Bearer x")).status())
        .isEqualTo(401);
    assertThat(client.get("/workflux/v1/agents", bearer).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(10));
    Client.Answer expired = client.get("/workflux/v1/agents", bearer);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().path("message").asText()).contains("expired");
  }

  @Test
  void listsAgentsAndConversationsAsDataWithCursorPaging() throws Exception {
    Map<String, String> bearer = bearer();

    JsonNode agents = client.get("/workflux/v1/agents", bearer).json();
    JsonNode firstPage = client.get("/workflux/v1/agents?limit=2", bearer).json();
    JsonNode secondPage =
        client
            .get(
                "/workflux/v1/agents?limit=2&cursor=" + firstPage.path("next_cursor").asText(),
                bearer)
            .json();
    JsonNode conversations = client.get("/workflux/v1/conversations", bearer).json();
    String agentId = agents.path("data").get(0).path("id").asText();

    assertThat(agents.path("data")).hasSize(3);
    assertThat(firstPage.path("data")).hasSize(2);
    assertThat(firstPage.path("has_more").asBoolean()).isTrue();
    assertThat(secondPage.path("data")).hasSize(1);
    assertThat(secondPage.path("has_more").asBoolean()).isFalse();
    assertThat(conversations.path("data")).hasSize(2);
    assertThat(client.get("/workflux/v1/agents/" + agentId, bearer).json().path("id").asText())
        .isEqualTo(agentId);
    assertThat(client.get("/workflux/v1/agents/nope", bearer).status()).isEqualTo(404);
  }

  @Test
  void managesWebhookSubscriptions() throws Exception {
    Map<String, String> bearer = bearer();
    String body =
        "{\"url\":\""
            + receiver.url("/wfx")
            + "\",\"events\":[\"conversation.started\",\"conversation.completed\"],"
            + "\"secret\":\"s3cret\"}";

    Client.Answer created = client.post("/workflux/v1/webhooks", body, bearer);
    String id = created.json().path("id").asText();

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("active");
    assertThat(created.json().path("created_at").asText()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(created.response().body()).doesNotContain("s3cret");
    assertThat(client.get("/workflux/v1/webhooks", bearer).json().path("data")).hasSize(1);
    assertThat(client.get("/workflux/v1/webhooks/" + id, bearer).json().path("url").asText())
        .isEqualTo(receiver.url("/wfx"));
    assertThat(client.delete("/workflux/v1/webhooks/" + id, bearer).status()).isEqualTo(204);
    assertThat(client.get("/workflux/v1/webhooks/" + id, bearer).status()).isEqualTo(404);
    assertThat(
            client
                .post("/workflux/v1/webhooks", "{\"url\":\"ftp://x\",\"secret\":\"s\"}", bearer)
                .status())
        .isEqualTo(400);
  }

  @Test
  void theTestEndpointSendsOneStandardWebhooksSignedEvent() throws Exception {
    Map<String, String> bearer = bearer();
    String secret = "whsec_" + Base64.getEncoder().encodeToString("key-bytes".getBytes());
    String id =
        client
            .post(
                "/workflux/v1/webhooks",
                "{\"url\":\""
                    + receiver.url("/wfx")
                    + "\",\"events\":[],\"secret\":\""
                    + secret
                    + "\"}",
                bearer)
            .json()
            .path("id")
            .asText();

    Client.Answer answer = client.post("/workflux/v1/webhooks/" + id + "/test", "", bearer);
    TestReceiver.Received event = receiver.next();

    assertThat(answer.status()).isEqualTo(202);
    assertThat(event.json().path("type").asText()).isEqualTo("webhook.test");
    assertThat(event.header("webhook-timestamp")).isEqualTo("1767261600");
    String expected =
        sign("key-bytes".getBytes(), event.header("webhook-id"), "1767261600", event.body());
    assertThat(event.header("webhook-signature")).isEqualTo("v1," + expected);
  }

  @Test
  void creatingAConversationSendsItsEventsToSubscribers() throws Exception {
    Map<String, String> bearer = bearer();
    client.post(
        "/workflux/v1/webhooks",
        "{\"url\":\""
            + receiver.url("/wfx")
            + "\",\"events\":[\"conversation.started\",\"conversation.completed\"],"
            + "\"secret\":\"plain-secret\"}",
        bearer);
    String agentId =
        client.get("/workflux/v1/agents", bearer).json().path("data").get(0).path("id").asText();

    Client.Answer created =
        client.post("/workflux/v1/conversations", "{\"agent_id\":\"" + agentId + "\"}", bearer);
    List<TestReceiver.Received> events = receiver.next(2);

    assertThat(created.status()).isEqualTo(201);
    assertThat(events)
        .extracting(e -> e.json().path("type").asText())
        .containsExactly("conversation.started", "conversation.completed");
    for (TestReceiver.Received event : events) {
      assertThat(event.json().path("data").path("id").asText())
          .isEqualTo(created.json().path("id").asText());
      assertThat(event.header("webhook-signature"))
          .isEqualTo(
              "v1,"
                  + sign(
                      "plain-secret".getBytes(StandardCharsets.UTF_8),
                      event.header("webhook-id"),
                      event.header("webhook-timestamp"),
                      event.body()));
    }
    assertThat(
            client.post("/workflux/v1/conversations", "{\"agent_id\":\"nope\"}", bearer).status())
        .isEqualTo(400);
  }

  private static String sign(byte[] key, String id, String timestamp, byte[] body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }
}
