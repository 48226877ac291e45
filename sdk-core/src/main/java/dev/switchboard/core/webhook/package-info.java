/**
 * Receiving webhooks: the delivery, its parser, authenticators, IP allowlist and delivery stores
 * that every vendor receiver plugs into one shared pipeline (see {@link
 * dev.switchboard.core.webhook.WebhookEndpoint}).
 */
package dev.switchboard.core.webhook;
