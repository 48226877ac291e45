package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.webhook.DeliveryStore;
import dev.switchboard.core.webhook.JdbcDeliveryStore;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

@SpringBootTest(
    classes = {TestApp.class, JdbcDeliverySemanticsTest.Database.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "futwork.webhook.secret=" + Http.SECRET,
      "switchboard.webhook.store.type=jdbc",
      "switchboard.webhook.store.jdbc.initialize-schema=true"
    })
class JdbcDeliverySemanticsTest extends DeliverySemanticsContract {

  @TestConfiguration(proxyBeanMethods = false)
  static class Database {
    @Bean
    DataSource dataSource() {
      return new SimpleDriverDataSource(
          new org.h2.Driver(), "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
  }

  @Autowired DeliveryStore store;
  @Autowired DataSource dataSource;

  @Test
  void usesTheJdbcStoreAndItsTable() throws Exception {
    assertThat(store).isInstanceOf(JdbcDeliveryStore.class);
    byte[] body = campaign(UUID.randomUUID().toString(), "row");
    assertThat(http.deliver(body).statusCode()).isEqualTo(200);
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject(
                    "SELECT state FROM switchboard_webhook_delivery WHERE source = 'futwork'"
                        + " AND delivery_key = ?",
                    String.class,
                    dev.switchboard.core.webhook.WebhookRequest.sha256Hex(body)))
        .isEqualTo("HANDLED");
  }
}
