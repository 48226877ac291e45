package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.ReceiverClient;
import dev.switchboard.core.webhook.internal.InboxGauges;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox mode over real HTTP: stored, answered, then dispatched once; retried, dead, replayed;
 * ordered per call. Subclasses give the database.
 */
abstract class InboxContract {

  protected final List<ConfigurableApplicationContext> apps = new ArrayList<>();

  /** {@code spring.datasource.*} of a fresh database. */
  abstract Map<String, Object> newDatabase();

  static Map<String, Object> inbox(Map<String, Object> database) {
    Map<String, Object> p = new HashMap<>(JdbcStoreReceiverContract.jdbcStore(database));
    p.put("switchboard.webhook.mode", "inbox");
    p.put("switchboard.webhook.inbox.max-attempts", "3");
    p.put("switchboard.webhook.inbox.initial-backoff", "50ms");
    p.put("switchboard.webhook.inbox.max-backoff", "200ms");
    p.put("switchboard.webhook.inbox.poll-interval", "100ms");
    p.put("management.endpoints.web.exposure.include", "webhookinbox");
    return p;
  }

  ConfigurableApplicationContext start(Map<String, Object> properties) {
    ConfigurableApplicationContext app = StoreTestApplication.start(properties);
    apps.add(app);
    return app;
  }

  @AfterEach
  void closeApps() {
    apps.forEach(ConfigurableApplicationContext::close);
  }

  static StoreTestApplication.Received received(ConfigurableApplicationContext app) {
    return app.getBean(StoreTestApplication.Received.class);
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  static String status(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body()).path("status").asText();
  }

  @Test
  void aDeliveryIsStoredAnsweredThenPublishedOnceAndAResendIsNotPublishedAgain() throws Exception {
    ConfigurableApplicationContext app = start(inbox(newDatabase()));
    ReceiverClient client = StoreTestApplication.client(app);
    String id = UUID.randomUUID().toString();

    HttpResponse<String> first = client.deliver(StoreTestApplication.ping(id, "call-1"));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(status(first)).isEqualTo("accepted");
    await("the delivery to be published", () -> received(app).count(id) == 1);

    HttpResponse<String> resend = client.deliver(StoreTestApplication.ping(id, "call-1"));
    assertThat(resend.statusCode()).isEqualTo(200);
    assertThat(status(resend)).isEqualTo("duplicate");
    Thread.sleep(300); // three poll intervals: time enough to publish it again, were it wrong
    assertThat(received(app).count(id)).isEqualTo(1);
    StoreTestApplication.Ping published = received(app).pings.peek();
    assertThat(published.delivery().header(StoreTestApplication.SECRET_HEADER)).isEmpty();
    assertThat(published.delivery().idempotencyKey()).isEqualTo(id);
    assertThat(app.getBean(WebhookInbox.class).count(InboxStatus.DONE)).isEqualTo(1);
    // the stored row keeps what listeners see, never the secret the platform presented
    String storedHeaders =
        new JdbcTemplate(app.getBean(DataSource.class))
            .queryForObject("SELECT headers FROM switchboard_webhook_inbox", String.class);
    assertThat(storedHeaders)
        .containsIgnoringCase("content-type")
        .doesNotContain(StoreTestApplication.SECRET);
  }

  @Test
  void aBodyThatDoesNotParseIsRefusedBeforeItIsStored() throws Exception {
    ConfigurableApplicationContext app = start(inbox(newDatabase()));
    HttpResponse<String> refused =
        StoreTestApplication.client(app).deliver("{\"id\": \"x\"".getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    Integer rows =
        new JdbcTemplate(app.getBean(DataSource.class))
            .queryForObject("SELECT COUNT(*) FROM switchboard_webhook_inbox", Integer.class);
    assertThat(rows).isZero();
  }

  @Test
  void aFailingListenerIsRetriedThenDeadThenReplayedOnceAfterTheFix() throws Exception {
    ConfigurableApplicationContext app = start(inbox(newDatabase()));
    ReceiverClient client = StoreTestApplication.client(app);
    WebhookInbox inbox = app.getBean(WebhookInbox.class);
    StoreTestApplication.Received listener = received(app);
    List<String> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
    listener.before =
        ping -> {
          attempts.add(ping.id());
          throw new IllegalStateException("the listener has a bug");
        };
    String id = UUID.randomUUID().toString();
    assertThat(client.deliver(StoreTestApplication.ping(id, "call-2")).statusCode()).isEqualTo(200);

    await("the delivery to die", () -> inbox.count(InboxStatus.DEAD) == 1);
    assertThat(attempts).hasSize(3); // max-attempts
    InboxEntry dead = inbox.list(InboxStatus.DEAD, InboxFilter.all(), 10).get(0);
    assertThat(dead.idempotencyKey()).isEqualTo(id);
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError())
        .isEqualTo("java.lang.IllegalStateException: the listener has a bug");
    MeterRegistry meters = app.getBean(MeterRegistry.class);
    assertThat(meters.get(InboxGauges.NAME).tag("status", "dead").gauge().value()).isEqualTo(1);
    assertThat(listener.count(id)).isZero();

    listener.before = ping -> {}; // the fix is deployed
    HttpResponse<String> replay =
        ReceiverClient.send(
            client
                .request("/actuator/webhookinbox")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"acme\"}"))
                .build());
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    assertThat(Json.mapper().readTree(replay.body()).path("replayed").asInt()).isEqualTo(1);
    await("the replayed delivery to be published", () -> listener.count(id) == 1);
    await("the inbox to hold it as done", () -> inbox.count(InboxStatus.DONE) == 1);
    assertThat(inbox.count(InboxStatus.DEAD)).isZero();
    assertThat(meters.get(InboxGauges.NAME).tag("status", "dead").gauge().value()).isZero();
    Thread.sleep(300);
    assertThat(listener.count(id)).isEqualTo(1);
  }

  @Test
  void deliveriesAboutOneCallArePublishedInArrivalOrderEvenWhenOneIsRetried() throws Exception {
    ConfigurableApplicationContext app = start(inbox(newDatabase()));
    ReceiverClient client = StoreTestApplication.client(app);
    StoreTestApplication.Received listener = received(app);
    String call = "call-" + UUID.randomUUID();
    java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    listener.before =
        ping -> {
          if (ping.id().endsWith("-0") && failedOnce.add(ping.id())) {
            throw new IllegalStateException("first attempt fails");
          }
        };
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = call + "-" + i;
      sent.add(id);
      assertThat(client.deliver(StoreTestApplication.ping(id, call)).statusCode()).isEqualTo(200);
    }
    await("all five to be published", () -> listener.pings.size() == 5);
    assertThat(listener.pings.stream().map(StoreTestApplication.Ping::id).toList())
        .containsExactlyElementsOf(sent);
  }
}
