package dev.switchboard.core.webhook.internal;

import dev.switchboard.core.webhook.InboxStatus;
import dev.switchboard.core.webhook.WebhookInbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Gauges of the inbox ({@value #NAME}, tagged {@code status}: pending, failed, dead), counted in
 * the database when the registry is read. A database that cannot be read gives NaN.
 */
public final class InboxGauges implements SmartInitializingSingleton {

  /** The gauges' name. */
  public static final String NAME = "switchboard.webhook.inbox.deliveries";

  private final WebhookInbox inbox;
  private final Supplier<MeterRegistry> registry;

  /**
   * Creates the gauges, registered once every singleton exists.
   *
   * @param inbox the inbox counted
   * @param registry gives the registry, or null when there is none
   */
  public InboxGauges(WebhookInbox inbox, Supplier<MeterRegistry> registry) {
    this.inbox = inbox;
    this.registry = registry;
  }

  @Override
  public void afterSingletonsInstantiated() {
    MeterRegistry r = registry.get();
    if (r == null) {
      return;
    }
    for (InboxStatus status :
        new InboxStatus[] {InboxStatus.PENDING, InboxStatus.FAILED, InboxStatus.DEAD}) {
      Gauge.builder(NAME, inbox, i -> count(i, status))
          .description("Deliveries in the webhook inbox, by status")
          .tag("status", status.name().toLowerCase(Locale.ROOT))
          .register(r);
    }
  }

  private static double count(WebhookInbox inbox, InboxStatus status) {
    try {
      return inbox.count(status);
    } catch (RuntimeException unreachable) {
      return Double.NaN;
    }
  }
}
