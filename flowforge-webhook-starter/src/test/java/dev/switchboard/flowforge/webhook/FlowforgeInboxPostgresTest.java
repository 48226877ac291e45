package dev.switchboard.flowforge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.testing.InboxApplication;
import dev.switchboard.core.testing.ReceiverClient;
import dev.switchboard.core.webhook.InboxStatus;
import dev.switchboard.core.webhook.WebhookInbox;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * The Flowforge receiver in the inbox mode, over real HTTP on a random port, with the JDBC store on
 * real PostgreSQL: a fixture is answered 200, then published once by the dispatcher; its resend is
 * acknowledged and not published again.
 */
class FlowforgeInboxPostgresTest {

  static final String SECRET = "ff-inbox-s3cret-value";

  private ConfigurableApplicationContext app;

  /** Every event the listener was given. */
  public static final class Listener {
    final List<FlowforgeEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(FlowforgeEvent event) {
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
  void aFixtureIsStoredAnsweredThenPublishedOnceAndItsResendIsNotPublishedAgain() throws Exception {
    app = InboxApplication.start(Listener.class, "flowforge.webhook.secret=" + SECRET);
    Listener listener = app.getBean(Listener.class);
    ReceiverClient http =
        new ReceiverClient(
            ReceiverClient.port(app), "/webhooks/flowforge", "X-Webhook-Secret", SECRET);
    byte[] body = Fixtures.payload("flowforge-conversation-closed.json");

    HttpResponse<String> first = http.deliver(body);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(InboxApplication.status(first)).isEqualTo("accepted");
    await().atMost(Duration.ofSeconds(30)).until(() -> listener.events.size() == 1);

    HttpResponse<String> resend = http.deliver(body);
    assertThat(resend.statusCode()).isEqualTo(200);
    assertThat(InboxApplication.status(resend)).isEqualTo("duplicate");
    Thread.sleep(300); // three poll intervals: time enough to publish it again, were it wrong

    assertThat(listener.events)
        .singleElement()
        .isInstanceOfSatisfying(
            ConversationClosed.class,
            closed -> {
              assertThat(closed.id()).isEqualTo("018ec93a-1393-7002-a528-199c149be8e3");
              assertThat(closed.delivery().body()).isEqualTo(body);
              assertThat(closed.delivery().header("X-Webhook-Secret")).isEmpty();
            });
    WebhookInbox inbox = app.getBean(WebhookInbox.class);
    assertThat(inbox.count(InboxStatus.DONE)).isEqualTo(1);
    assertThat(inbox.count(InboxStatus.PENDING)).isZero();
  }
}
