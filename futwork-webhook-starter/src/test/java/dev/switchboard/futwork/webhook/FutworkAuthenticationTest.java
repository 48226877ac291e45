package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.testing.HostileRequests;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Each authentication mode over real HTTP, in applications started with different settings. */
@ExtendWith(OutputCaptureExtension.class)
class FutworkAuthenticationTest {

  static final String OLD = "old-rotated-secret-1f3a";
  static final String NEW = "new-rotated-secret-9c2b";
  static final String BASIC_PASSWORD = "basic-pa55word-7e1d";
  static final String WRONG = "wrong-guess-secret-0000";

  private ConfigurableApplicationContext app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private Http start(String... properties) {
    app =
        new SpringApplicationBuilder(TestApp.class)
            .properties("server.port=0", "spring.main.banner-mode=off")
            .properties(properties)
            .run();
    return Http.to(app);
  }

  private Recorder recorder() {
    return app.getBean(Recorder.class);
  }

  private static byte[] uniqueCampaign() throws Exception {
    var node =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.mapper().readTree(Fixtures.payload("futwork-campaign-post-call.json"));
    node.put("callSid", UUID.randomUUID().toString());
    return Json.mapper().writeValueAsBytes(node);
  }

  private static HttpResponse<String> post(Http http, String pathAndQuery, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        http.request(pathAndQuery)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(uniqueCampaign()));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return Http.send(b.build());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void headerSecretQueryTokenBasicAndRotation(CapturedOutput output) throws Exception {
    Http http =
        start(
            "futwork.webhook.secret[0]=" + OLD,
            "futwork.webhook.secret[1]=" + NEW,
            "futwork.webhook.query-token-parameter=token",
            "futwork.webhook.basic.username=futwork",
            "futwork.webhook.basic.password=" + BASIC_PASSWORD);

    HttpResponse<String> missing = post(http, "/webhooks/futwork");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    var problem = Json.mapper().readTree(missing.body());
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("title").asText()).isEqualTo("Unauthorized");
    assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    assertThat(problem.path("detail").asText()).isNotBlank();

    HttpResponse<String> wrong = post(http, "/webhooks/futwork", "X-Webhook-Secret", WRONG);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(post(http, "/webhooks/futwork", "x-webhook-secret", OLD).statusCode())
        .isEqualTo(200);
    assertThat(post(http, "/webhooks/futwork", "X-Webhook-Secret", NEW).statusCode())
        .isEqualTo(200);

    assertThat(post(http, "/webhooks/futwork?token=" + NEW).statusCode()).isEqualTo(200);
    assertThat(post(http, "/webhooks/futwork?token=" + WRONG).statusCode()).isEqualTo(401);

    assertThat(
            post(http, "/webhooks/futwork", "Authorization", basic("futwork", BASIC_PASSWORD))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post(http, "/webhooks/futwork", "Authorization", basic("futwork", WRONG)).statusCode())
        .isEqualTo(401);
    assertThat(
            post(http, "/webhooks/futwork", "Authorization", basic("intruder", BASIC_PASSWORD))
                .statusCode())
        .isEqualTo(401);

    assertThat(recorder().campaigns).hasSize(4);
    recorder()
        .campaigns
        .forEach(
            c -> {
              assertThat(c.delivery().header("X-Webhook-Secret")).isEmpty();
              assertThat(c.delivery().header("Authorization")).isEmpty();
            });

    // no secret, presented or configured, in a log line or a problem body
    for (String secret : new String[] {OLD, NEW, BASIC_PASSWORD, WRONG}) {
      assertThat(output.getAll()).doesNotContain(secret);
      assertThat(missing.body() + wrong.body()).doesNotContain(secret);
    }
    assertThat(output.getAll()).contains("Refused an unauthenticated futwork delivery");
  }

  /** A token with characters that change under URL encoding and JSON escaping. */
  static final String URL_TOKEN = "Tok/en+\"q\"&x=1 %-5c1d";

  @Test
  void byDefaultTheTokenInThePastedUrlAuthenticatesAndNeverShowsInTheLogs(CapturedOutput output)
      throws Exception {
    Http http = start("futwork.webhook.secret=" + URL_TOKEN);
    String token = HostileRequests.encode(URL_TOKEN);

    // the URL form to paste, logged at startup with the token masked
    assertThat(output.getAll())
        .contains(
            "paste https://<your-public-host>/webhooks/futwork?token=**** into the platform's")
        .contains("futwork.webhook.secret");

    assertThat(post(http, "/webhooks/futwork?token=" + token).statusCode()).isEqualTo(200);
    // the header is accepted too, for a sender that can set one
    assertThat(post(http, "/webhooks/futwork", "X-Webhook-Secret", URL_TOKEN).statusCode())
        .isEqualTo(200);
    HttpResponse<String> missing = post(http, "/webhooks/futwork");
    HttpResponse<String> wrong = post(http, "/webhooks/futwork?token=" + token + "x");
    HttpResponse<String> empty = post(http, "/webhooks/futwork?token=");
    HttpResponse<String> otherName = post(http, "/webhooks/futwork?secret=" + token);
    for (HttpResponse<String> refused : List.of(missing, wrong, empty, otherName)) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    assertThat(recorder().campaigns).hasSize(2);

    // the rest of a run: a malformed delivery, a failing listener, the metrics
    HttpRequest malformed =
        http.request("/webhooks/futwork?token=" + token)
            .POST(HttpRequest.BodyPublishers.ofString("{"))
            .build();
    assertThat(Http.send(malformed).statusCode()).isEqualTo(400);
    recorder().failuresToInject.set(1);
    assertThat(post(http, "/webhooks/futwork?token=" + token).statusCode()).isEqualTo(500);
    app.close();
    app = null;

    String run = output.getAll();
    for (String form : HostileRequests.encodings(URL_TOKEN)) {
      assertThat(run).doesNotContain(form);
      for (HttpResponse<String> refused : List.of(missing, wrong, empty, otherName)) {
        assertThat(refused.body()).doesNotContain(form);
      }
    }
  }

  @Test
  void anEmptyQueryTokenParameterAcceptsTheHeaderOnly(CapturedOutput output) throws Exception {
    Http http = start("futwork.webhook.secret=" + NEW, "futwork.webhook.query-token-parameter=");
    assertThat(post(http, "/webhooks/futwork?token=" + NEW).statusCode()).isEqualTo(401);
    assertThat(post(http, "/webhooks/futwork", "X-Webhook-Secret", NEW).statusCode())
        .isEqualTo(200);
    assertThat(output.getAll())
        .contains("with the header X-Webhook-Secret: ****")
        .doesNotContain(NEW);
  }

  @Test
  void anUnresolvedPlaceholderAsTheSecretFailsStartupWithAFailureAnalysis(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                start(
                    "futwork.webhook.secret=${SWITCHBOARD_TEST_UNSET_SECRET}",
                    "logging.level.org.springframework=WARN"))
        .hasStackTraceContaining("futwork.webhook.secret");
    String report = output.getAll();
    assertThat(report)
        .contains("APPLICATION FAILED TO START")
        .contains("Description:")
        .contains(
            "The property futwork.webhook.secret holds the unresolved placeholder"
                + " ${SWITCHBOARD_TEST_UNSET_SECRET}")
        .contains("Action:")
        .contains("Define SWITCHBOARD_TEST_UNSET_SECRET");
    // a report, not a stack trace
    assertThat(report.lines().filter(line -> line.startsWith("\tat ")).count()).isZero();
  }

  @Test
  void aMissingSecretFailsStartupWithAFailureAnalysis(CapturedOutput output) {
    assertThatThrownBy(() -> start("logging.level.org.springframework=WARN"))
        .hasStackTraceContaining("futwork.webhook.secret");
    String report = output.getAll();
    assertThat(report)
        .contains("APPLICATION FAILED TO START")
        .contains("Description:")
        .contains("has no authentication configured")
        .contains("Action:");
    assertThat(report.lines().filter(line -> line.startsWith("\tat ")).count()).isZero();
  }

  @Test
  void allowlistWithoutTrustedProxyIgnoresForwardedFor() throws Exception {
    Http http = start("futwork.webhook.secret=" + NEW, "futwork.webhook.allowlist=203.0.113.0/24");
    HttpResponse<String> direct = post(http, "/webhooks/futwork", "X-Webhook-Secret", NEW);
    assertThat(direct.statusCode()).isEqualTo(403);
    assertThat(direct.body()).contains("\"status\":403");
    HttpResponse<String> forged =
        post(http, "/webhooks/futwork", "X-Webhook-Secret", NEW, "X-Forwarded-For", "203.0.113.9");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(recorder().handled).isEmpty();
  }

  @Test
  void allowlistBehindATrustedProxyReadsForwardedFor() throws Exception {
    Http http =
        start(
            "futwork.webhook.secret=" + NEW,
            "futwork.webhook.allowlist=203.0.113.0/24,2001:db8::/32",
            "futwork.webhook.trusted-proxies=127.0.0.1,::1");
    assertThat(
            post(
                    http,
                    "/webhooks/futwork",
                    "X-Webhook-Secret",
                    NEW,
                    "X-Forwarded-For",
                    "203.0.113.9")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post(
                    http,
                    "/webhooks/futwork",
                    "X-Webhook-Secret",
                    NEW,
                    "X-Forwarded-For",
                    "2001:db8::7")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post(
                    http,
                    "/webhooks/futwork",
                    "X-Webhook-Secret",
                    NEW,
                    "X-Forwarded-For",
                    "198.51.100.1")
                .statusCode())
        .isEqualTo(403);
    assertThat(post(http, "/webhooks/futwork", "X-Webhook-Secret", NEW).statusCode())
        .isEqualTo(403);
    // the allowlist does not replace the secret
    assertThat(
            post(
                    http,
                    "/webhooks/futwork",
                    "X-Webhook-Secret",
                    WRONG,
                    "X-Forwarded-For",
                    "203.0.113.9")
                .statusCode())
        .isEqualTo(401);
    assertThat(recorder().handled).hasSize(2);
  }

  @Test
  void allowlistAcceptsADirectPeer() throws Exception {
    Http http =
        start("futwork.webhook.secret=" + NEW, "futwork.webhook.allowlist=127.0.0.0/8,::1/128");
    assertThat(post(http, "/webhooks/futwork", "X-Webhook-Secret", NEW).statusCode())
        .isEqualTo(200);
  }

  @Test
  void customPathAndHeaderName() throws Exception {
    Http http =
        start(
            "futwork.webhook.secret=" + NEW,
            "futwork.webhook.path=/hooks/calls",
            "futwork.webhook.header-name=X-Futwork-Token");
    assertThat(post(http, "/hooks/calls", "X-Futwork-Token", NEW).statusCode()).isEqualTo(200);
    assertThat(post(http, "/hooks/calls", "X-Webhook-Secret", NEW).statusCode()).isEqualTo(401);
    assertThat(post(http, "/webhooks/futwork", "X-Futwork-Token", NEW).statusCode()).isEqualTo(404);
    assertThat(recorder().handled.get(0).delivery().header("X-Futwork-Token")).isEmpty();
  }

  @Test
  void aRealApplicationRefusesToStartWithoutAuthentication() {
    assertThatThrownBy(() -> start())
        .rootCause()
        .hasMessageContaining("futwork.webhook.secret")
        .hasMessageContaining("/webhooks/futwork");
    app = null;
  }

  @Test
  void unauthenticatedWhenExplicitlyAllowed(CapturedOutput output) throws Exception {
    Http http = start("futwork.webhook.allow-unauthenticated=true");
    assertThat(post(http, "/webhooks/futwork").statusCode()).isEqualTo(200);
    assertThat(output.getAll()).containsOnlyOnce("accepts UNAUTHENTICATED deliveries");
  }
}
