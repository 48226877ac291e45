package dev.switchboard.core.webhook.autoconfigure;

import dev.switchboard.core.webhook.WebhookConfigurationException;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.WebhookInbox;
import dev.switchboard.core.webhook.internal.InboxDispatcher;
import dev.switchboard.core.webhook.internal.InboxReceiver;
import dev.switchboard.core.webhook.internal.JdbcWebhookInbox;
import dev.switchboard.core.webhook.internal.WebhookMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Builds the inbox, its dispatcher and its receiver for {@link WebhookAutoConfiguration}, keeping
 * spring-jdbc types out of that class, and checks the settings: a mistake fails startup naming the
 * property to set.
 */
final class JdbcInboxes {

  private JdbcInboxes() {}

  static WebhookInbox create(
      DataSource dataSource,
      Clock clock,
      WebhookStoreProperties store,
      WebhookInboxProperties.Inbox settings) {
    check(settings);
    JdbcWebhookInbox inbox = new JdbcWebhookInbox(dataSource, clock, null, store.getTimeToLive());
    if (store.getJdbc().isInitializeSchema()) {
      inbox.initializeSchema();
    }
    return inbox;
  }

  static InboxDispatcher dispatcher(
      WebhookInbox inbox,
      List<WebhookEndpoint> endpoints,
      ApplicationEventPublisher publisher,
      WebhookMetrics metrics,
      WebhookInboxProperties.Inbox s) {
    Map<String, WebhookEndpoint> bySource = new LinkedHashMap<>();
    for (WebhookEndpoint endpoint : endpoints) {
      bySource.put(endpoint.source(), endpoint);
    }
    return new InboxDispatcher(
        (JdbcWebhookInbox) inbox,
        bySource,
        publisher,
        metrics,
        new InboxDispatcher.Retries(
            s.getMaxAttempts(), s.getInitialBackoff(), s.getBackoffMultiplier(), s.getMaxBackoff()),
        s.getThreads(),
        s.getBatchSize(),
        s.getLeaseTimeout(),
        s.getPollInterval(),
        s.getShutdownTimeout());
  }

  static InboxReceiver receiver(
      WebhookInbox inbox, InboxDispatcher dispatcher, WebhookMetrics metrics) {
    return new InboxReceiver((JdbcWebhookInbox) inbox, dispatcher, metrics);
  }

  private static void check(WebhookInboxProperties.Inbox s) {
    positive("max-attempts", s.getMaxAttempts());
    positive("batch-size", s.getBatchSize());
    positive("threads", s.getThreads());
    positive("initial-backoff", s.getInitialBackoff());
    positive("max-backoff", s.getMaxBackoff());
    positive("lease-timeout", s.getLeaseTimeout());
    positive("poll-interval", s.getPollInterval());
    if (s.getShutdownTimeout() == null || s.getShutdownTimeout().isNegative()) {
      throw invalid("shutdown-timeout", "must not be negative");
    }
    if (!(s.getBackoffMultiplier() >= 1.0)) {
      throw invalid("backoff-multiplier", "must be at least 1");
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw invalid(name, "must be at least 1");
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw invalid(name, "must be a positive duration");
    }
  }

  private static WebhookConfigurationException invalid(String name, String why) {
    return new WebhookConfigurationException(
        "switchboard.webhook.inbox."
            + name
            + " "
            + why
            + "; fix it or remove it to use the default.");
  }
}
