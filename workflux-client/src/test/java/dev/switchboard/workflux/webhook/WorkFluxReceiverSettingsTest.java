package dev.switchboard.workflux.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.webhook.WebhookRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Real applications started with other receiver settings: hex scheme, path, limits, startup. */
@ExtendWith(OutputCaptureExtension.class)
class WorkFluxReceiverSettingsTest {

  static final String SECRET = "whk_hex_7c6b5a4d3e";

  private ConfigurableApplicationContext app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private Http start(String path, String... properties) {
    app =
        new SpringApplicationBuilder(TestApp.class)
            .properties("server.port=0")
            .properties(TestApp.CLIENT)
            .properties(properties)
            .run();
    return new Http(Http.port(app), path);
  }

  private Recorder recorder() {
    return app.getBean(Recorder.class);
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  @Test
  void hexSchemeOnAnotherPathWithASizeLimit(CapturedOutput output) throws Exception {
    Http http =
        start(
            "/hooks/wf",
            "workflux.webhook.secret=" + SECRET,
            "workflux.webhook.scheme=hex-hmac",
            "workflux.webhook.signature-header=X-WorkFlux-Signature",
            "workflux.webhook.path=/hooks/wf",
            "workflux.webhook.max-body-size=2KB");
    WorkFluxWebhookSigner signer = WorkFluxWebhookSigner.of(SECRET);
    byte[] body =
        "{\"type\":\"conversation.completed\",\"data\":{\"conversation_id\":\"cv_h\"}}"
            .getBytes(StandardCharsets.UTF_8);

    // no webhook-id: the body's SHA-256 is the idempotency key
    HttpResponse<String> first =
        http.post(body, Map.of("X-WorkFlux-Signature", signer.hexSignature(body)));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(recorder().all.get(recorder().all.size() - 1).delivery().idempotencyKey())
        .isEqualTo(WebhookRequest.sha256Hex(body));
    HttpResponse<String> again =
        http.post(
            body,
            Map.of(
                "x-workflux-signature",
                "sha256=" + signer.hexSignature(body).toUpperCase(Locale.ROOT)));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("status").asText()).isEqualTo("duplicate");

    // with a webhook-id, the id is the key
    byte[] other = "{\"type\":\"agent.response\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> withId =
        http.post(
            other,
            Map.of("X-WorkFlux-Signature", signer.hexSignature(other), "webhook-id", "msg_h1"));
    assertThat(withId.statusCode()).isEqualTo(200);
    assertThat(recorder().all.get(recorder().all.size() - 1).delivery().idempotencyKey())
        .isEqualTo("msg_h1");

    HttpResponse<String> wrong =
        http.post(
            other,
            Map.of(
                "X-WorkFlux-Signature",
                WorkFluxWebhookSigner.of("not-the-secret").hexSignature(other)));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(http.post(other, Map.of()).statusCode()).isEqualTo(401);
    // the Standard Webhooks headers do not authenticate under the hex scheme
    assertThat(http.post(other, signer.sign(other)).statusCode()).isEqualTo(401);

    byte[] large =
        ("{\"type\":\"x\",\"data\":{\"pad\":\"" + "a".repeat(3000) + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(
            http.post(large, Map.of("X-WorkFlux-Signature", signer.hexSignature(large)))
                .statusCode())
        .isEqualTo(413);
    assertThat(
            http.post("/webhooks/workflux", body, Map.of("X-WorkFlux-Signature", "00"))
                .statusCode())
        .isEqualTo(404);

    assertThat(recorder().all).hasSize(2);
    assertThat(recorder().completed.get(0).delivery().header("X-WorkFlux-Signature")).isEmpty();
    assertThat(recorder().responses.get(0).delivery().header("webhook-id")).contains("msg_h1");
    assertThat(output.getAll()).doesNotContain(SECRET);
  }

  @Test
  void aReceiverAskedForWithoutASecretRefusesToStart() {
    assertThatThrownBy(() -> start("/webhooks/workflux", "workflux.webhook.enabled=true"))
        .rootCause()
        .hasMessageContaining("workflux.webhook.secret")
        .hasMessageContaining("workflux.webhook.allow-unauthenticated=true")
        .hasMessageContaining("/webhooks/workflux");
    app = null;
  }

  @Test
  void anApplicationWithoutWebhookSettingsStartsWithoutAReceiver() throws Exception {
    Http http = start("/webhooks/workflux");
    byte[] body = "{\"type\":\"agent.response\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(http.post(body, Map.of()).statusCode()).isEqualTo(404);
    assertThat(recorder().all).isEmpty();
  }

  @Test
  void unauthenticatedOnlyWhenExplicitlyAllowed(CapturedOutput output) throws Exception {
    Http http = start("/webhooks/workflux", "workflux.webhook.allow-unauthenticated=true");
    byte[] body = "{\"type\":\"agent.response\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(http.post(body, Map.of()).statusCode()).isEqualTo(200);
    assertThat(recorder().responses).hasSize(1);
    assertThat(recorder().responses.get(0).delivery().idempotencyKey())
        .isEqualTo(WebhookRequest.sha256Hex(body));
    assertThat(output.getAll())
        .containsOnlyOnce("accepts UNAUTHENTICATED deliveries")
        .contains("workflux.webhook.secret");
  }
}
