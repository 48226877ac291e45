package dev.switchboard.core.webhook.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Counts deliveries ({@value #DELIVERIES}) and times their handling ({@value #HANDLING}), both
 * tagged with {@code source}, {@code event.type} and {@code outcome}.
 */
public final class MicrometerWebhookMetrics implements WebhookMetrics {

  /** The counter's name. */
  public static final String DELIVERIES = "switchboard.webhook.deliveries";

  /** The timer's name. */
  public static final String HANDLING = "switchboard.webhook.handling";

  private final Supplier<MeterRegistry> registry;

  /**
   * Creates the metrics.
   *
   * @param registry looked up at each delivery, so a registry created later is used; may give null
   */
  public MicrometerWebhookMetrics(Supplier<MeterRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public void record(String source, String eventType, String outcome, long nanos) {
    MeterRegistry r = registry.get();
    if (r == null) {
      return;
    }
    Counter.builder(DELIVERIES)
        .description("Webhook deliveries received")
        .tag("source", source)
        .tag("event.type", eventType)
        .tag("outcome", outcome)
        .register(r)
        .increment();
    Timer.builder(HANDLING)
        .description("Time taken to receive, check and handle a webhook delivery")
        .tag("source", source)
        .tag("event.type", eventType)
        .tag("outcome", outcome)
        .register(r)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
