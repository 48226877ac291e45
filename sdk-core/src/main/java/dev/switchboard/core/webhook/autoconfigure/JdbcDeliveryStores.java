package dev.switchboard.core.webhook.autoconfigure;

import dev.switchboard.core.webhook.DeliveryStore;
import dev.switchboard.core.webhook.JdbcDeliveryStore;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Builds the JDBC delivery store for {@link WebhookAutoConfiguration}, keeping spring-jdbc types
 * out of that class's signatures (it loads without spring-jdbc), and out of its members, which
 * Spring reads at startup as candidate configurations.
 */
final class JdbcDeliveryStores {

  private JdbcDeliveryStores() {}

  static DeliveryStore create(DataSource ds, Clock clock, WebhookStoreProperties p) {
    JdbcDeliveryStore store =
        new JdbcDeliveryStore(ds, clock, p.getTimeToLive(), p.getLeaseTimeout());
    if (p.getJdbc().isInitializeSchema()) {
      store.initializeSchema();
    }
    return store;
  }
}
