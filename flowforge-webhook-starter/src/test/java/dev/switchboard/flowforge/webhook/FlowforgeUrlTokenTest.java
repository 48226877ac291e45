package dev.switchboard.flowforge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.testing.HostileRequests;
import dev.switchboard.core.testing.ReceiverClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Flowforge's dashboard takes only a URL: the token in it authenticates by default, the startup log
 * shows the URL to paste with the token masked, and no log line of a whole run holds the token.
 */
@ExtendWith(OutputCaptureExtension.class)
class FlowforgeUrlTokenTest {

  /** A token with characters that change under URL encoding and JSON escaping. */
  static final String TOKEN = "ff/T0k+\"en\"&a=b c-91e4";

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

  private static byte[] closed() throws Exception {
    ObjectNode node =
        (ObjectNode) Json.mapper().readTree(Fixtures.payload("flowforge-conversation-closed.json"));
    node.put("id", UUID.randomUUID().toString());
    return Json.mapper().writeValueAsBytes(node);
  }

  private static HttpResponse<String> post(ReceiverClient http, String pathAndQuery)
      throws Exception {
    return ReceiverClient.send(
        http.request(pathAndQuery)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(closed()))
            .build());
  }

  @Test
  void theTokenInThePastedUrlAuthenticatesAndNeverShowsInTheLogs(CapturedOutput output)
      throws Exception {
    start("flowforge.webhook.secret=" + TOKEN);
    ReceiverClient http =
        new ReceiverClient(
            ReceiverClient.port(app), "/webhooks/flowforge", "X-Webhook-Secret", TOKEN);
    String token = HostileRequests.encode(TOKEN);
    assertThat(output.getAll())
        .contains(
            "paste https://<your-public-host>/webhooks/flowforge?token=**** into the platform's")
        .contains("flowforge.webhook.secret");

    assertThat(post(http, "/webhooks/flowforge?token=" + token).statusCode()).isEqualTo(200);
    assertThat(http.deliver(closed()).statusCode()).isEqualTo(200); // the header, too
    List<HttpResponse<String>> refused =
        List.of(
            post(http, "/webhooks/flowforge"),
            post(http, "/webhooks/flowforge?token=" + token + "0"),
            post(http, "/webhooks/flowforge?token="));
    for (HttpResponse<String> response : refused) {
      assertThat(response.statusCode()).isEqualTo(401);
    }
    Recorder recorder = app.getBean(Recorder.class);
    assertThat(recorder.family).hasSize(2);
    recorder.failuresToInject.set(1);
    assertThat(post(http, "/webhooks/flowforge?token=" + token).statusCode()).isEqualTo(500);
    app.close();
    app = null;

    String run = output.getAll();
    for (String form : HostileRequests.encodings(TOKEN)) {
      assertThat(run).doesNotContain(form);
      refused.forEach(response -> assertThat(response.body()).doesNotContain(form));
    }
  }

  @Test
  void anUnresolvedPlaceholderFailsStartupWithAFailureAnalysis(CapturedOutput output) {
    assertThatThrownBy(() -> start("flowforge.webhook.secret=prefix-${FLOWFORGE_UNSET_X}"))
        .hasStackTraceContaining("flowforge.webhook.secret");
    String report = output.getAll();
    assertThat(report)
        .contains("APPLICATION FAILED TO START")
        .contains("Description:")
        .contains("flowforge.webhook.secret holds the unresolved placeholder ${FLOWFORGE_UNSET_X}")
        .contains("Action:")
        .doesNotContain("prefix-");
    assertThat(report.lines().filter(line -> line.startsWith("\tat ")).count()).isZero();
  }
}
