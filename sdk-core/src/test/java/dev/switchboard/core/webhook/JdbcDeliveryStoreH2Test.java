package dev.switchboard.core.webhook;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The JDBC store on H2, with the H2 DDL and the database's clock. */
class JdbcDeliveryStoreH2Test extends JdbcDeliveryStoreContract {

  static DataSource h2() {
    return new SimpleDriverDataSource(
        new org.h2.Driver(), "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  @Override
  DataSource newDatabase() {
    return h2();
  }

  @Override
  JdbcPlatform platform() {
    return null; // detected: H2
  }
}
