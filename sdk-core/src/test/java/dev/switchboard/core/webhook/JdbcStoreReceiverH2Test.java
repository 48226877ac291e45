package dev.switchboard.core.webhook;

import java.util.Map;
import java.util.UUID;

/** A receiver on the JDBC store on H2. */
class JdbcStoreReceiverH2Test extends JdbcStoreReceiverContract {

  @Override
  Map<String, Object> newDatabase() {
    return Map.of(
        "spring.datasource.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }
}
