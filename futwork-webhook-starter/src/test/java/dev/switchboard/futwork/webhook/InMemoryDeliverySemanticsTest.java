package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.webhook.DeliveryStore;
import dev.switchboard.core.webhook.InMemoryDeliveryStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
    classes = TestApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "futwork.webhook.secret=" + Http.SECRET)
class InMemoryDeliverySemanticsTest extends DeliverySemanticsContract {

  @Autowired DeliveryStore store;

  @Test
  void usesTheInMemoryStore() {
    assertThat(store).isInstanceOf(InMemoryDeliveryStore.class);
  }
}
