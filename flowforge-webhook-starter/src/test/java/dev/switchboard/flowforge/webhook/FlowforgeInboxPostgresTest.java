package dev.switchboard.flowforge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.testing.ReceiverClient;
import dev.switchboard.core.testing.TestPostgres;
import dev.switchboard.core.webhook.InboxStatus;
import dev.switchboard.core.webhook.WebhookInbox;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The Flowforge receiver in the inbox mode, over real HTTP on a random port, with the JDBC store on
 * real PostgreSQL: a fixture is answered 200, then published once by the dispatcher; its resend is
 * acknowledged and not published again.
 */
class FlowforgeInboxPostgresTest {

  static final String SECRET = "ff-inbox-s3cret-value";

  private ConfigurableApplicationContext app;

  /** The Flowforge starter with a PostgreSQL DataSource and a listener that records events. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class InboxApp {
    static volatile String url;

    @Bean
    DataSource dataSource() {
      return new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
    }

    @Bean
    Listener listener() {
      return new Listener();
    }
  }

  /** Every event the listener was given. */
  static final class Listener {
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
    InboxApp.url = TestPostgres.newDatabase().url();
    app =
        new SpringApplicationBuilder(InboxApp.class)
            .properties(
                "server.port=0",
                "spring.main.banner-mode=off",
                "flowforge.webhook.secret=" + SECRET,
                "switchboard.webhook.store.type=jdbc",
                "switchboard.webhook.store.jdbc.initialize-schema=true",
                "switchboard.webhook.mode=inbox",
                "switchboard.webhook.inbox.poll-interval=100ms")
            .run();
    Listener listener = app.getBean(Listener.class);
    ReceiverClient http =
        new ReceiverClient(
            ReceiverClient.port(app), "/webhooks/flowforge", "X-Webhook-Secret", SECRET);
    byte[] body = Fixtures.payload("flowforge-conversation-closed.json");

    HttpResponse<String> first = http.deliver(body);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(status(first)).isEqualTo("accepted");
    await().atMost(Duration.ofSeconds(30)).until(() -> listener.events.size() == 1);

    HttpResponse<String> resend = http.deliver(body);
    assertThat(resend.statusCode()).isEqualTo(200);
    assertThat(status(resend)).isEqualTo("duplicate");
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

  private static String status(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body()).path("status").asText();
  }
}
