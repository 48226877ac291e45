package dev.switchboard.core.webhook.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.WebhookInbox;
import dev.switchboard.core.webhook.internal.InboxDispatcher;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The inbox's wiring: present in the inbox mode, absent otherwise, refused when misconfigured. */
class WebhookInboxAutoConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  static class Receiver {
    @Bean
    WebhookEndpoint endpoint() {
      return WebhookEndpoint.builder(
              "acme", "/hooks/acme", r -> new ParsedDelivery<>("event", r.delivery("k"), "ping"))
          .allowUnauthenticated(true)
          .build();
    }

    @Bean
    DataSource dataSource() {
      return new SimpleDriverDataSource(
          new org.h2.Driver(), "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
  }

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(WebhookAutoConfiguration.class))
          .withUserConfiguration(Receiver.class);

  @Test
  void theSynchronousModeIsTheDefaultAndHasNoInbox() {
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WebhookInbox.class));
  }

  @Test
  void theInboxModeOnTheJdbcStoreHasAnInboxADispatcherAndAnEndpoint() {
    runner
        .withPropertyValues(
            "switchboard.webhook.mode=inbox",
            "switchboard.webhook.store.type=jdbc",
            "switchboard.webhook.store.jdbc.initialize-schema=true")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(WebhookInbox.class)
                    .hasSingleBean(InboxDispatcher.class)
                    .hasSingleBean(WebhookInboxEndpoint.class));
  }

  @Test
  void anInstanceThatOnlyReceivesHasNoDispatcher() {
    runner
        .withPropertyValues(
            "switchboard.webhook.mode=inbox",
            "switchboard.webhook.store.type=jdbc",
            "switchboard.webhook.store.jdbc.initialize-schema=true",
            "switchboard.webhook.inbox.dispatch=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(WebhookInbox.class)
                    .doesNotHaveBean(InboxDispatcher.class));
  }

  @Test
  void theInboxModeWithoutTheJdbcStoreFailsStartupNamingTheProperty() {
    runner
        .withPropertyValues("switchboard.webhook.mode=inbox")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("switchboard.webhook.mode=inbox")
                    .hasMessageContaining("switchboard.webhook.store.type=jdbc"));
  }

  @Test
  void aNonsensicalRetrySettingFailsStartupNamingTheProperty() {
    runner
        .withPropertyValues(
            "switchboard.webhook.mode=inbox",
            "switchboard.webhook.store.type=jdbc",
            "switchboard.webhook.inbox.max-attempts=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("switchboard.webhook.inbox.max-attempts"));
  }
}
