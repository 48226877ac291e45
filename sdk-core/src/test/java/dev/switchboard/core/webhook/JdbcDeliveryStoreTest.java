package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The same contract on H2, through the DDL shipped in the jar. */
class JdbcDeliveryStoreTest extends DeliveryStoreContract {

  private SimpleDriverDataSource dataSource;

  @Override
  DeliveryStore createStore(MutableClock clock, Duration ttl, Duration lease) {
    dataSource =
        new SimpleDriverDataSource(
            new org.h2.Driver(),
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "sa",
            "");
    JdbcDeliveryStore jdbc = new JdbcDeliveryStore(dataSource, clock, ttl, lease);
    jdbc.initializeSchema();
    jdbc.initializeSchema(); // a second start finds the table and leaves it alone
    return jdbc;
  }

  @Test
  void purgeDeletesOnlyExpiredRows() {
    JdbcDeliveryStore jdbc = (JdbcDeliveryStore) store;
    Acquisition a = jdbc.acquire("s", "old");
    jdbc.markHandled("s", "old", a.holder());
    clock.advance(TTL.plusSeconds(1));
    Acquisition b = jdbc.acquire("s", "new");
    jdbc.markHandled("s", "new", b.holder());
    jdbc.purgeExpired();
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForList("SELECT delivery_key FROM " + JdbcDeliveryStore.TABLE, String.class))
        .containsExactly("new");
  }
}
