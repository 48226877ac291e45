package dev.switchboard.core.webhook;

import javax.sql.DataSource;

/** The portable SQL and DDL on real PostgreSQL, as another database without a platform would be. */
class JdbcDeliveryStoreGenericPostgresTest extends JdbcDeliveryStoreContract {

  @Override
  DataSource newDatabase() {
    return newPostgresDatabase();
  }

  @Override
  JdbcPlatform platform() {
    return JdbcPlatform.GENERIC;
  }
}
