/**
 * Futwork post-call webhooks as typed events: the sealed {@link
 * dev.switchboard.futwork.webhook.FutworkEvent} family your {@code @EventListener} methods receive.
 */
package dev.switchboard.futwork.webhook;
