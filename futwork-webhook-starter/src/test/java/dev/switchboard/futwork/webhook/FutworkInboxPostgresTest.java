package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.testing.InboxApplication;
import dev.switchboard.core.testing.ReceiverClient;
import dev.switchboard.core.webhook.InboxStatus;
import dev.switchboard.core.webhook.WebhookInbox;
import dev.switchboard.core.webhook.WebhookRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The durable inbox end to end through the real Futwork receiver: real HTTP on a random port,
 * authenticated by the URL token the platform is given, the JDBC store on real PostgreSQL, the
 * deliveries published to {@code @EventListener}s by the SDK's dispatcher.
 */
class FutworkInboxPostgresTest {

  private static ConfigurableApplicationContext app;
  private static Listener listener;

  /** Records each run of the family listener, in the order runs finish; a test may hook in. */
  public static final class Listener {
    /** Every run that started, successful or not. */
    final List<FutworkEvent> runs = new CopyOnWriteArrayList<>();

    /** Every run that finished without throwing, in order. */
    final List<FutworkEvent> handled = new CopyOnWriteArrayList<>();

    final List<CampaignPostCall> campaigns = new CopyOnWriteArrayList<>();
    final List<WorkflowPostCall> workflows = new CopyOnWriteArrayList<>();
    volatile Consumer<FutworkEvent> before = event -> {};

    @EventListener
    void on(FutworkEvent event) {
      runs.add(event);
      before.accept(event);
      handled.add(event);
    }

    @EventListener
    void onCampaign(CampaignPostCall call) {
      campaigns.add(call);
    }

    @EventListener
    void onWorkflow(WorkflowPostCall call) {
      workflows.add(call);
    }

    long handledFor(String key) {
      return handled.stream().filter(e -> key.equals(e.orderingKey())).count();
    }

    long runsFor(String key) {
      return runs.stream().filter(e -> key.equals(e.orderingKey())).count();
    }
  }

  @BeforeAll
  static void start() {
    app =
        InboxApplication.start(
            Listener.class,
            "futwork.webhook.secret=" + Http.SECRET,
            "switchboard.webhook.inbox.max-attempts=3",
            "switchboard.webhook.inbox.initial-backoff=50ms",
            "switchboard.webhook.inbox.max-backoff=200ms",
            "switchboard.webhook.inbox.threads=4");
    listener = app.getBean(Listener.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void resetHook() {
    listener.before = event -> {};
  }

  /** Posts a body the way Futwork does: the secret only in the pasted URL's token. */
  private static HttpResponse<String> deliver(byte[] body) {
    HttpRequest request =
        new ReceiverClient(ReceiverClient.port(app), "/webhooks/futwork", "X-Unused", "")
            .request("/webhooks/futwork?token=" + Http.SECRET)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return ReceiverClient.send(request);
  }

  private static byte[] campaign(String callSid, String status) throws Exception {
    ObjectNode node =
        (ObjectNode) Json.mapper().readTree(Fixtures.payload("futwork-campaign-post-call.json"));
    node.put("callSid", callSid);
    node.put("status", status);
    return Json.mapper().writeValueAsBytes(node);
  }

  private static byte[] workflow(String referenceId) throws Exception {
    ObjectNode node =
        (ObjectNode) Json.mapper().readTree(Fixtures.payload("futwork-workflow-post-call.json"));
    node.put("referenceId", referenceId);
    return Json.mapper().writeValueAsBytes(node);
  }

  private static String state(byte[] body) {
    return new JdbcTemplate(app.getBean(DataSource.class))
        .queryForObject(
            "SELECT status FROM switchboard_webhook_inbox WHERE source = 'futwork'"
                + " AND delivery_key = ?",
            String.class,
            WebhookRequest.sha256Hex(body));
  }

  @Test
  void fixturesAndAnUpdateAreAnsweredThenPublishedOnceAndAResendIsNotPublishedAgain()
      throws Exception {
    String callSid = UUID.randomUUID().toString();
    String referenceId = "AWB-" + UUID.randomUUID();
    byte[] first = campaign(callSid, "call-initiated");
    byte[] update = campaign(callSid, "call-disconnected");
    byte[] flow = workflow(referenceId);

    for (byte[] body : List.of(first, update, flow)) {
      HttpResponse<String> answer = deliver(body);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(InboxApplication.status(answer)).isEqualTo("accepted");
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> listener.handledFor(callSid) == 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> listener.handledFor(referenceId) == 1);

    HttpResponse<String> resend = deliver(update);
    assertThat(resend.statusCode()).isEqualTo(200);
    assertThat(InboxApplication.status(resend)).isEqualTo("duplicate");
    Thread.sleep(300); // three poll intervals: time enough to publish it again, were it wrong

    assertThat(listener.runsFor(callSid)).isEqualTo(2);
    assertThat(listener.runsFor(referenceId)).isEqualTo(1);
    assertThat(listener.campaigns.stream().filter(c -> callSid.equals(c.callSid())))
        .extracting(CampaignPostCall::status)
        .containsExactly("call-initiated", "call-disconnected");
    assertThat(listener.workflows.stream().filter(w -> referenceId.equals(w.referenceId())))
        .hasSize(1)
        .allSatisfy(w -> assertThat(w.disposition()).isEqualTo("interested"));
    // what listeners see is what arrived, without the token that authenticated it
    FutworkEvent published =
        listener.handled.stream()
            .filter(e -> referenceId.equals(e.orderingKey()))
            .findFirst()
            .get();
    assertThat(published.delivery().body()).isEqualTo(flow);
    assertThat(published.delivery().idempotencyKey()).isEqualTo(WebhookRequest.sha256Hex(flow));
    for (byte[] body : List.of(first, update, flow)) {
      assertThat(state(body)).isEqualTo(InboxStatus.DONE.name());
    }
  }

  @Test
  void aListenerThatFailsItsFirstRunIsRetriedByTheSdkAndHandledOnce() throws Exception {
    String callSid = UUID.randomUUID().toString();
    byte[] body = campaign(callSid, "call-disconnected");
    listener.before =
        event -> {
          if (callSid.equals(event.orderingKey()) && listener.runsFor(callSid) == 1) {
            throw new IllegalStateException("first run fails on purpose");
          }
        };

    HttpResponse<String> answer = deliver(body);
    assertThat(answer.statusCode()).isEqualTo(200); // stored: the listener's failure is the SDK's
    await().atMost(Duration.ofSeconds(30)).until(() -> listener.handledFor(callSid) == 1);
    Thread.sleep(300);

    assertThat(listener.runsFor(callSid)).isEqualTo(2); // published twice, handled once
    assertThat(listener.handledFor(callSid)).isEqualTo(1);
    assertThat(state(body)).isEqualTo(InboxStatus.DONE.name());
    assertThat(app.getBean(WebhookInbox.class).count(InboxStatus.DEAD)).isZero();
  }

  @Test
  void oneCallsDeliveriesAreHandledInArrivalOrder() throws Exception {
    String callSid = UUID.randomUUID().toString();
    CountDownLatch firstEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    listener.before =
        event -> {
          if (event instanceof CampaignPostCall call
              && callSid.equals(call.callSid())
              && "call-initiated".equals(call.status())) {
            firstEntered.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };

    assertThat(deliver(campaign(callSid, "call-initiated")).statusCode()).isEqualTo(200);
    assertThat(firstEntered.await(30, TimeUnit.SECONDS)).isTrue();
    // the update arrives while the first is still with its listener, with idle threads to spare
    assertThat(deliver(campaign(callSid, "call-ringing")).statusCode()).isEqualTo(200);
    assertThat(deliver(campaign(callSid, "call-disconnected")).statusCode()).isEqualTo(200);
    Thread.sleep(300);
    assertThat(listener.runsFor(callSid)).isEqualTo(1);

    release.countDown();
    await().atMost(Duration.ofSeconds(30)).until(() -> listener.handledFor(callSid) == 3);
    assertThat(listener.handled.stream().filter(e -> callSid.equals(e.orderingKey())))
        .map(e -> ((CampaignPostCall) e).status())
        .containsExactly("call-initiated", "call-ringing", "call-disconnected");
  }
}
