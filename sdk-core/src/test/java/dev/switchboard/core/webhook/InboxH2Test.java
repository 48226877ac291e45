package dev.switchboard.core.webhook;

import java.util.Map;
import java.util.UUID;

/** The inbox on H2: the portable claim (a conditional update per row). */
class InboxH2Test extends InboxContract {

  @Override
  Map<String, Object> newDatabase() {
    return Map.of(
        "spring.datasource.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }
}
