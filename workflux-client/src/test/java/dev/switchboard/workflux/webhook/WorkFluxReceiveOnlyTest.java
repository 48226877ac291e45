package dev.switchboard.workflux.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.testing.HostileRequests;
import dev.switchboard.workflux.autoconfigure.WorkFluxAutoConfiguration;
import dev.switchboard.workflux.client.WorkFluxClient;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.multipart.MultipartResolver;

/**
 * A receive-only WorkFlux application (only workflux.webhook.secret set) over real HTTP: it starts
 * without client credentials, has no client and no health check, receives signed deliveries, and
 * answers the hostile-request catalogue safely.
 */
@ExtendWith(OutputCaptureExtension.class)
class WorkFluxReceiveOnlyTest {

  static final String SECRET = "whk_receive_only_7c6d5e";

  private ConfigurableApplicationContext app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private ConfigurableApplicationContext start(String... properties) {
    app =
        new SpringApplicationBuilder(TestApp.class)
            .properties("server.port=0", "spring.main.banner-mode=off")
            .properties(properties)
            .run();
    return app;
  }

  private static byte[] completed() {
    return ("{\"id\":\"evt_"
            + UUID.randomUUID()
            + "\",\"type\":\"conversation.completed\",\"data\":{\"conversation_id\":\"cv_1\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> signed(byte[] body) {
    return WorkFluxWebhookSigner.of(SECRET).sign("msg_" + UUID.randomUUID(), TestApp.NOW, body);
  }

  @Test
  void startsWithOnlyTheWebhookSecretAndReceives() {
    start("workflux.webhook.secret=" + SECRET);
    assertThat(app.getBeanNamesForType(WorkFluxClient.class)).isEmpty();
    assertThat(app.containsBean(WorkFluxAutoConfiguration.HEALTH_BEAN)).isFalse();
    assertThat(app.getBeanNamesForType(WebhookVerifier.class)).hasSize(1);

    Http http = Http.to(app);
    byte[] body = completed();
    assertThat(http.post(body, signed(body)).body()).isEqualTo("{\"status\":\"handled\"}");
    assertThat(app.getBean(Recorder.class).completed).hasSize(1);
  }

  @Test
  void withCredentialsTheClientAndItsHealthCheckAppear() {
    start(TestApp.CLIENT[0], TestApp.CLIENT[1], "workflux.webhook.secret=" + SECRET);
    assertThat(app.getBeanNamesForType(WorkFluxClient.class)).hasSize(1);
    assertThat(app.containsBean(WorkFluxAutoConfiguration.HEALTH_BEAN)).isTrue();
  }

  @Test
  void theStandardWebhooksHeaderNamesAreSetByProperties() {
    start(
        "workflux.webhook.secret=" + SECRET,
        "workflux.webhook.headers.id=x-wf-id",
        "workflux.webhook.headers.timestamp=x-wf-timestamp",
        "workflux.webhook.headers.signature=x-wf-signature");
    Http http = Http.to(app);
    byte[] body = completed();
    Map<String, String> standard = signed(body);
    Map<String, String> renamed = new HashMap<>();
    renamed.put("x-wf-id", standard.get("webhook-id"));
    renamed.put("x-wf-timestamp", standard.get("webhook-timestamp"));
    renamed.put("x-wf-signature", standard.get("webhook-signature"));

    assertThat(http.post(body, standard).statusCode()).isEqualTo(401);
    assertThat(http.post(body, renamed).statusCode()).isEqualTo(200);
    assertThat(http.post(body, renamed).body()).isEqualTo("{\"status\":\"duplicate\"}");
    WorkFluxEvent event = app.getBean(Recorder.class).completed.get(0);
    assertThat(event.delivery().idempotencyKey()).isEqualTo(standard.get("webhook-id"));
    assertThat(event.delivery().header("x-wf-signature")).isEmpty();
  }

  @Test
  void everyHostileCategoryIsAnsweredSafely(CapturedOutput output) {
    start("workflux.webhook.secret=" + SECRET);
    assertThat(app.getBeanNamesForType(MultipartResolver.class)).isNotEmpty();
    HostileRequests hostile =
        new HostileRequests(
            Http.port(app), "/webhooks/workflux", "", WorkFluxReceiveOnlyTest::signed);
    List<String> fields = List.of("id", "type", "event", "data", "created_at", "timestamp");
    hostile.everyCategory(fields);
    hostile.refusedContentTypes();
    hostile.nonObjects();
    hostile.acceptedContentTypes(WorkFluxReceiveOnlyTest::completed);

    byte[] body = completed();
    Map<String, String> good = signed(body);
    Map<String, Map.Entry<String, Map<String, String>>> wrong = new LinkedHashMap<>();
    wrong.put("no signature", new SimpleEntry<>("/webhooks/workflux", Map.of()));
    Map<String, String> forged = new HashMap<>(good);
    forged.put("webhook-signature", "v1,AAAA" + HostileRequests.MARKER);
    wrong.put("forged signature", new SimpleEntry<>("/webhooks/workflux", forged));
    Map<String, String> stale = new HashMap<>(good);
    stale.put("webhook-timestamp", "1");
    wrong.put("stale timestamp", new SimpleEntry<>("/webhooks/workflux", stale));
    Map<String, String> garbage = new HashMap<>(good);
    garbage.put("webhook-timestamp", HostileRequests.MARKER);
    wrong.put("timestamp not a number", new SimpleEntry<>("/webhooks/workflux", garbage));
    hostile.auth(wrong);
    hostile.assertAllSafe();
    assertThat(output.getAll()).doesNotContain(SECRET);

    int before = app.getBean(Recorder.class).all.size();
    byte[] last = completed();
    assertThat(Http.to(app).post(last, signed(last)).statusCode()).isEqualTo(200);
    assertThat(app.getBean(Recorder.class).all).hasSize(before + 1);
  }

  @Test
  void anUnresolvedClientSecretFailsStartupNamingTheProperty(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                start(
                    "workflux.client-id=c1",
                    "workflux.client-secret=${WORKFLUX_CLIENT_SECRET_UNSET_X}"))
        .hasStackTraceContaining("workflux.client-secret");
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("workflux.client-secret holds the unresolved placeholder")
        .contains("${WORKFLUX_CLIENT_SECRET_UNSET_X}")
        .contains("Action:");
    assertThat(output.getAll().lines().filter(l -> l.startsWith("\tat ")).count()).isZero();
  }

  @Test
  void anUnresolvedWebhookSecretFailsStartupNamingTheProperty(CapturedOutput output) {
    assertThatThrownBy(() -> start("workflux.webhook.secret=${WORKFLUX_WEBHOOK_SECRET_UNSET_X}"))
        .hasStackTraceContaining("workflux.webhook.secret");
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("workflux.webhook.secret holds the unresolved placeholder");
  }
}
