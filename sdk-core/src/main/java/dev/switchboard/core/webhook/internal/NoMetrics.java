package dev.switchboard.core.webhook.internal;

/**
 * {@link WebhookMetrics#NONE}: a class rather than a lambda, since every application's startup
 * would otherwise link the lambda.
 */
final class NoMetrics implements WebhookMetrics {

  @Override
  public void record(String source, String eventType, String outcome, long nanos) {}
}
