package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.ReceiverClient;
import dev.switchboard.core.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox on real PostgreSQL ({@code FOR UPDATE SKIP LOCKED}), with several instances sharing one
 * database: exactly once under load, a restart, an instance that dies mid-listener, a database that
 * is down.
 */
class InboxPostgresTest extends InboxContract {

  private final List<TestPostgres.Database> databases = new ArrayList<>();
  private TestPostgres.Database database;

  @Override
  Map<String, Object> newDatabase() {
    database = TestPostgres.newDatabase();
    databases.add(database);
    Map<String, Object> p = new HashMap<>(database.springProperties());
    p.put("spring.datasource.hikari.connection-timeout", "1000");
    return p;
  }

  @AfterEach
  void closeDatabases() {
    databases.forEach(TestPostgres.Database::close);
  }

  @Test
  void twoInstancesHandleTenThousandDeliveriesExactlyOnceInOrderPerCall() throws Exception {
    Map<String, Object> shared = inbox(newDatabase());
    shared.put("switchboard.webhook.inbox.max-attempts", "5");
    shared.put("switchboard.webhook.inbox.threads", "4");
    shared.put("switchboard.webhook.inbox.batch-size", "50");
    ConfigurableApplicationContext a = start(shared);
    ConfigurableApplicationContext b = start(shared);
    List<ReceiverClient> clients =
        List.of(StoreTestApplication.client(a), StoreTestApplication.client(b));
    // listeners fail the first attempt of one key in sixteen, whichever instance runs it
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    for (ConfigurableApplicationContext app : List.of(a, b)) {
      received(app).before =
          ping -> {
            if (Math.floorMod(ping.id().hashCode(), 16) == 0 && failedOnce.add(ping.id())) {
              throw new IllegalStateException("first attempt fails");
            }
          };
    }
    StoreTestApplication.HANDLED_IN_ORDER.clear();
    String run = UUID.randomUUID().toString().substring(0, 8);
    int calls = 2500;
    int perCall = 4;
    ExecutorService senders = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> sending = new ArrayList<>();
      for (int c = 0; c < calls; c++) {
        String call = run + "-call-" + c;
        int first = c * perCall;
        sending.add(
            senders.submit(
                () -> {
                  // one call's deliveries arrive one after another, alternating instances; every
                  // tenth is sent again (a resend) to the other instance
                  for (int k = 0; k < perCall; k++) {
                    int n = first + k;
                    byte[] body = StoreTestApplication.ping(call + "-" + k, call);
                    HttpResponse<String> r = clients.get(n % 2).deliver(body);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    if (n % 10 == 0) {
                      assertThat(clients.get((n + 1) % 2).deliver(body).statusCode())
                          .isEqualTo(200);
                    }
                  }
                }));
      }
      for (Future<?> f : sending) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdownNow();
    }
    int total = calls * perCall;
    await(
        "every delivery to be handled",
        () -> received(a).pings.size() + received(b).pings.size() >= total);
    Thread.sleep(300); // a delivery handled twice would show up here
    WebhookInbox inbox = a.getBean(WebhookInbox.class);
    assertThat(inbox.count(InboxStatus.PENDING) + inbox.count(InboxStatus.FAILED)).isZero();
    assertThat(inbox.count(InboxStatus.DEAD)).isZero();
    assertThat(inbox.count(InboxStatus.DONE)).isEqualTo(total);

    Map<String, Long> handled = new HashMap<>();
    for (ConfigurableApplicationContext app : List.of(a, b)) {
      received(app).pings.forEach(p -> handled.merge(p.id(), 1L, Long::sum));
    }
    assertThat(handled).hasSize(total);
    assertThat(handled.values()).containsOnly(1L);
    assertThat(received(a).pings).isNotEmpty(); // both instances took part
    assertThat(received(b).pings).isNotEmpty();
    assertThat(failedOnce).hasSizeGreaterThan(total / 32); // about one in sixteen failed once

    Map<String, List<String>> order = new LinkedHashMap<>();
    for (StoreTestApplication.Ping p : StoreTestApplication.HANDLED_IN_ORDER) {
      order.computeIfAbsent(p.call(), k -> new ArrayList<>()).add(p.id());
    }
    assertThat(order).hasSize(calls);
    order.forEach(
        (call, ids) ->
            assertThat(ids)
                .as(call)
                .containsExactly(call + "-0", call + "-1", call + "-2", call + "-3"));
  }

  @Test
  void aDeliveryAnsweredBeforeARestartIsPublishedOnceByTheNextInstance() throws Exception {
    Map<String, Object> shared = inbox(newDatabase());
    Map<String, Object> receiveOnly = new HashMap<>(shared);
    receiveOnly.put("switchboard.webhook.inbox.dispatch", "false");
    ConfigurableApplicationContext before = start(receiveOnly);
    StoreTestApplication.Received beforeListener = received(before);
    String id = UUID.randomUUID().toString();
    HttpResponse<String> answered =
        StoreTestApplication.client(before).deliver(StoreTestApplication.ping(id, "call-r"));
    assertThat(answered.statusCode()).isEqualTo(200);
    before.close();
    assertThat(beforeListener.count(id)).isZero();

    ConfigurableApplicationContext after = start(shared);
    await("the stored delivery to be published", () -> received(after).count(id) == 1);
    Thread.sleep(300);
    assertThat(received(after).count(id)).isEqualTo(1);
  }

  @Test
  void aDeliveryWhoseDispatcherDiedMidListenerIsHandledOnceByAnotherInstance() throws Exception {
    Map<String, Object> shared = inbox(newDatabase());
    shared.put("switchboard.webhook.inbox.lease-timeout", "2s");
    shared.put("switchboard.webhook.inbox.shutdown-timeout", "200ms");
    ConfigurableApplicationContext dying = start(shared);
    StoreTestApplication.Received dyingListener = received(dying);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    dyingListener.before =
        ping -> {
          entered.countDown();
          boolean interrupted = false;
          while (never.getCount() > 0) { // hangs, deaf to interrupts, as a stuck listener does
            try {
              never.await();
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        };
    String id = UUID.randomUUID().toString();
    assertThat(
            StoreTestApplication.client(dying)
                .deliver(StoreTestApplication.ping(id, "call-d"))
                .statusCode())
        .isEqualTo(200);
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    dying.close(); // its listener is still stuck: its claim is left to expire

    try {
      ConfigurableApplicationContext survivor = start(shared);
      await("another instance to take the delivery", () -> received(survivor).count(id) == 1);
      Thread.sleep(300);
      assertThat(received(survivor).count(id)).isEqualTo(1);
      assertThat(dyingListener.count(id)).isZero();
    } finally {
      never.countDown();
    }
  }

  @Test
  void aDatabaseThatIsDownGets503WithRetryAfterAndNothingIsAcknowledged() throws Exception {
    ConfigurableApplicationContext app = start(inbox(newDatabase()));
    ReceiverClient client = StoreTestApplication.client(app);
    String id = UUID.randomUUID().toString();
    database.takeDown();
    try {
      HttpResponse<String> refused = client.deliver(StoreTestApplication.ping(id, "call-x"));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    } finally {
      database.bringBack();
    }
    HttpResponse<String> retry = client.deliver(StoreTestApplication.ping(id, "call-x"));
    for (int i = 0; i < 40 && retry.statusCode() == 503; i++) {
      Thread.sleep(250);
      retry = client.deliver(StoreTestApplication.ping(id, "call-x"));
    }
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(status(retry)).isEqualTo("accepted"); // the refused attempt stored nothing
    await("the delivery to be published", () -> received(app).count(id) == 1);
  }

  @Test
  void longAndOddKeysAreStoredAndHandledOnce() throws Exception {
    ConfigurableApplicationContext app = start(inbox(newDatabase()));
    ReceiverClient client = StoreTestApplication.client(app);
    String longId = "k".repeat(300);
    for (String idAsJson : List.of("\"" + longId + "\"", "\"call\\u0000nul\"")) {
      byte[] body = ("{\"id\":" + idAsJson + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(status(client.deliver(body))).isEqualTo("accepted");
      assertThat(status(client.deliver(body))).isEqualTo("duplicate");
    }
    await("both to be published", () -> received(app).pings.size() == 2);
    Thread.sleep(300);
    assertThat(received(app).pings.stream().map(StoreTestApplication.Ping::id).toList())
        .containsExactlyInAnyOrder(longId, "call\u0000nul");
    List<String> keys =
        new JdbcTemplate(app.getBean(DataSource.class))
            .queryForList("SELECT delivery_key FROM switchboard_webhook_inbox", String.class);
    assertThat(keys.stream().collect(Collectors.toSet()))
        .hasSize(2)
        .allSatisfy(k -> assertThat(k).startsWith("sha256:"));
  }
}
