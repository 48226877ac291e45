/**
 * Flowforge webhooks as typed records: the sealed {@link
 * dev.switchboard.flowforge.webhook.FlowforgeEvent} family, published as Spring application events.
 */
package dev.switchboard.flowforge.webhook;
