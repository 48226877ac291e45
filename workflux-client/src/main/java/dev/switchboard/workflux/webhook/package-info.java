/**
 * WorkFlux webhook deliveries: signature verification on the raw bytes (Standard Webhooks, or a hex
 * HMAC in a header), a signer for test deliveries, and the sealed {@link
 * dev.switchboard.workflux.webhook.WorkFluxEvent} family with its parser.
 */
package dev.switchboard.workflux.webhook;
