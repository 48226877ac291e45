/**
 * Spring Boot wiring shared by every webhook receiver: the delivery store, metrics and the handler
 * mapping that serves each {@link dev.switchboard.core.webhook.WebhookEndpoint} bean.
 */
package dev.switchboard.core.webhook.autoconfigure;
