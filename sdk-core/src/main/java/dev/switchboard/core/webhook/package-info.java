/**
 * Receiving webhooks: the delivery, its parser, authenticators, IP allowlist, delivery stores and
 * the durable inbox ({@link dev.switchboard.core.webhook.WebhookInbox}) that every vendor receiver
 * plugs into one shared pipeline (see {@link dev.switchboard.core.webhook.WebhookEndpoint}).
 */
package dev.switchboard.core.webhook;
