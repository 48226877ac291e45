package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.ReceiverClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A receiver on the JDBC store, over real HTTP: keys of any length and content are stored and
 * handled once. Subclasses give the database.
 */
abstract class JdbcStoreReceiverContract {

  protected ConfigurableApplicationContext app;
  protected ReceiverClient client;
  protected StoreTestApplication.Received received;

  /** {@code spring.datasource.*} of a fresh database. */
  abstract Map<String, Object> newDatabase();

  static Map<String, Object> jdbcStore(Map<String, Object> database) {
    Map<String, Object> p = new HashMap<>(database);
    p.put("switchboard.webhook.store.type", "jdbc");
    p.put("switchboard.webhook.store.jdbc.initialize-schema", "true");
    return p;
  }

  @BeforeEach
  void start() {
    app = StoreTestApplication.start(jdbcStore(newDatabase()));
    client = StoreTestApplication.client(app);
    received = app.getBean(StoreTestApplication.Received.class);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  List<String> storedKeys() {
    return new JdbcTemplate(app.getBean(DataSource.class))
        .queryForList("SELECT delivery_key FROM " + JdbcDeliveryStore.TABLE, String.class);
  }

  void assertHandledOnceThenDuplicate(String id, String idAsJson) throws Exception {
    HttpResponse<String> first = client.deliver(StoreTestApplication.ping(idAsJson));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(Json.mapper().readTree(first.body()).path("status").asText()).isEqualTo("handled");
    HttpResponse<String> again = client.deliver(StoreTestApplication.ping(idAsJson));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(again.body()).path("status").asText()).isEqualTo("duplicate");
    assertThat(received.count(id)).isEqualTo(1);
  }

  @Test
  void aThreeHundredCharacterKeyIsStoredAndHandledOnce() throws Exception {
    String id = "c".repeat(300);
    String sibling = "c".repeat(255) + "d".repeat(45); // same first 255 characters
    assertHandledOnceThenDuplicate(id, "\"" + id + "\"");
    assertHandledOnceThenDuplicate(sibling, "\"" + sibling + "\"");
    assertThat(storedKeys()).hasSize(2).allSatisfy(k -> assertThat(k).hasSize(71));
  }

  @Test
  void aKeyHoldingNulIsStoredAndHandledOnce() throws Exception {
    assertHandledOnceThenDuplicate("call\u0000one", "\"call\\u0000one\"");
    assertHandledOnceThenDuplicate("call\u0000two", "\"call\\u0000two\"");
    assertThat(storedKeys()).hasSize(2).doesNotHaveDuplicates();
  }
}
