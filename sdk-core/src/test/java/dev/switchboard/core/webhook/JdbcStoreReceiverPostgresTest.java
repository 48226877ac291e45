package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A receiver on the JDBC store on real PostgreSQL: odd keys, a database that goes down, and two
 * instances creating the schema at the same moment.
 */
@ExtendWith(OutputCaptureExtension.class)
class JdbcStoreReceiverPostgresTest extends JdbcStoreReceiverContract {

  private TestPostgres.Database database;

  @Override
  Map<String, Object> newDatabase() {
    database = TestPostgres.newDatabase();
    Map<String, Object> p = new HashMap<>(database.springProperties());
    p.put("spring.datasource.hikari.connection-timeout", "1000");
    return p;
  }

  @Test
  void aDatabaseThatIsDownGets503WithRetryAfterAndNothingIsAcknowledged(CapturedOutput output)
      throws Exception {
    String id = UUID.randomUUID().toString();
    database.takeDown();
    try {
      HttpResponse<String> refused = client.deliver(StoreTestApplication.ping("\"" + id + "\""));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(Json.mapper().readTree(refused.body()).path("status").asInt()).isEqualTo(503);
      assertThat(received.pings).isEmpty();
      assertThat(output.getOut())
          .containsPattern(
              "WARN .*The delivery store failed for acme delivery "
                  + id
                  + "; answering 503\\s+[\\w.]+(Exception|Error)"); // the cause follows
    } finally {
      database.bringBack();
    }
    // the platform retries; the pool may take a moment to reconnect, answering 503 meanwhile
    HttpResponse<String> retry = client.deliver(StoreTestApplication.ping("\"" + id + "\""));
    for (int i = 0; i < 40 && retry.statusCode() == 503; i++) {
      Thread.sleep(250);
      retry = client.deliver(StoreTestApplication.ping("\"" + id + "\""));
    }
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(retry.body()).path("status").asText()).isEqualTo("handled");
    assertThat(client.deliver(StoreTestApplication.ping("\"" + id + "\"")).statusCode())
        .isEqualTo(200);
    assertThat(received.count(id)).isEqualTo(1);
  }

  @Test
  void twoInstancesCreatingTheSchemasAtTheSameMomentBothStart() throws Exception {
    // Boot's logging system cannot be initialised by two applications at once in one JVM; the
    // one already set up by this test's first application serves both
    System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    try {
      startTwoInstancesAtOnce();
    } finally {
      System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
    }
  }

  private static long published(List<ConfigurableApplicationContext> instances, String id) {
    return instances.stream()
        .mapToLong(c -> c.getBean(StoreTestApplication.Received.class).count(id))
        .sum();
  }

  private void startTwoInstancesAtOnce() throws Exception {
    for (int round = 0; round < 2; round++) {
      // the synchronous mode creates the store's table; the inbox mode both tables
      Map<String, Object> shared =
          round == 0 ? jdbcStore(newDatabase()) : InboxContract.inbox(newDatabase());
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService starter = Executors.newFixedThreadPool(2);
      List<ConfigurableApplicationContext> instances = new ArrayList<>();
      try {
        List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          Callable<ConfigurableApplicationContext> start =
              () -> {
                together.await();
                return StoreTestApplication.start(shared);
              };
          starts.add(starter.submit(start));
        }
        for (Future<ConfigurableApplicationContext> f : starts) {
          instances.add(f.get(120, TimeUnit.SECONDS)); // throws if either failed to start
        }
        String id = UUID.randomUUID().toString();
        for (ConfigurableApplicationContext instance : instances) {
          HttpResponse<String> r =
              StoreTestApplication.client(instance)
                  .deliver(StoreTestApplication.ping("\"" + id + "\""));
          assertThat(r.statusCode()).isEqualTo(200);
        }
        InboxContract.await("the delivery to be published", () -> published(instances, id) == 1);
        Thread.sleep(300); // the inbox dispatches after answering: a second publication shows here
        assertThat(published(instances, id)).isEqualTo(1);
      } finally {
        instances.forEach(ConfigurableApplicationContext::close);
        starter.shutdownNow();
      }
    }
  }
}
