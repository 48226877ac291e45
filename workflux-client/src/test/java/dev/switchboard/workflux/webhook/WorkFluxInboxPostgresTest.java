package dev.switchboard.workflux.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.testing.InboxApplication;
import dev.switchboard.core.webhook.InboxStatus;
import dev.switchboard.core.webhook.WebhookInbox;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * A receive-only WorkFlux application (only {@code workflux.webhook.secret}) in the inbox mode,
 * over real HTTP on a random port, with the JDBC store on real PostgreSQL: a signed delivery is
 * answered 200, then published once; the platform's resend (same {@code webhook-id}) is
 * acknowledged and not published again.
 */
class WorkFluxInboxPostgresTest {

  static final String SECRET = "whk_inbox_4b3a2c1d";

  private ConfigurableApplicationContext app;

  /** Every event the listener was given. */
  public static final class Listener {
    final List<WorkFluxEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(WorkFluxEvent event) {
      events.add(event);
    }
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aSignedDeliveryIsStoredAnsweredThenPublishedOnceAndItsResendIsNotPublishedAgain()
      throws Exception {
    app = InboxApplication.start(Listener.class, "workflux.webhook.secret=" + SECRET);
    Listener listener = app.getBean(Listener.class);
    Http http = Http.to(app);
    byte[] body =
        ("{\"id\":\"evt_inbox_1\",\"type\":\"conversation.completed\","
                + "\"created_at\":\"2026-03-01T09:59:58Z\","
                + "\"data\":{\"conversation_id\":\"cv_inbox\",\"summary\":\"resolved\"}}")
            .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = WorkFluxWebhookSigner.of(SECRET).sign(body);

    HttpResponse<String> first = http.post(body, headers);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(InboxApplication.status(first)).isEqualTo("accepted");
    await().atMost(Duration.ofSeconds(30)).until(() -> listener.events.size() == 1);

    HttpResponse<String> resend = http.post(body, headers);
    assertThat(resend.statusCode()).isEqualTo(200);
    assertThat(InboxApplication.status(resend)).isEqualTo("duplicate");
    Thread.sleep(300); // three poll intervals: time enough to publish it again, were it wrong

    assertThat(listener.events)
        .singleElement()
        .isInstanceOfSatisfying(
            ConversationCompleted.class,
            completed -> {
              assertThat(completed.conversationId()).contains("cv_inbox");
              assertThat(completed.delivery().idempotencyKey())
                  .isEqualTo(headers.get("webhook-id"));
              assertThat(completed.delivery().header("webhook-signature")).isEmpty();
            });
    WebhookInbox inbox = app.getBean(WebhookInbox.class);
    assertThat(inbox.count(InboxStatus.DONE)).isEqualTo(1);
    assertThat(inbox.count(InboxStatus.PENDING)).isZero();
  }
}
