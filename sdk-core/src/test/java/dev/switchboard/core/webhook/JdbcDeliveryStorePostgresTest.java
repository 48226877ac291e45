package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.SqlErrorCounter;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store on real PostgreSQL: {@code INSERT ... ON CONFLICT}, the database's clock, schema
 * creation under an advisory lock.
 */
class JdbcDeliveryStorePostgresTest extends JdbcDeliveryStoreContract {

  @Override
  DataSource newDatabase() {
    return newPostgresDatabase();
  }

  @Override
  JdbcPlatform platform() {
    return null; // detected: PostgreSQL
  }

  @Test
  void theDetectedPlatformIsPostgresql() {
    assertThat(((JdbcDeliveryStore) store).platform()).isEqualTo(JdbcPlatform.POSTGRESQL);
  }

  @Test
  void racingClaimsRaiseNoDatabaseError() throws Exception {
    SqlErrorCounter counting = new SqlErrorCounter(dataSource);
    dataSource = counting;
    store = newStore(counting, clock, TTL, LEASE);
    concurrentClaimsFromTwoInstancesPublishEachDeliveryOnce();
    expiredLeaseIsTakenOverAndTheStaleHolderCanNoLongerFinish();
    assertThat(counting.statements()).isGreaterThan(0);
    assertThat(counting.errors()).isZero();
  }
}
