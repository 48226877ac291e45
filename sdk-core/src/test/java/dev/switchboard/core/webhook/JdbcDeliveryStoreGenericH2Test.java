package dev.switchboard.core.webhook;

import javax.sql.DataSource;

/** The portable SQL (read, then insert or take over) and the portable DDL, run on H2. */
class JdbcDeliveryStoreGenericH2Test extends JdbcDeliveryStoreContract {

  @Override
  DataSource newDatabase() {
    return JdbcDeliveryStoreH2Test.h2();
  }

  @Override
  JdbcPlatform platform() {
    return JdbcPlatform.GENERIC;
  }
}
