/**
 * WorkFlux webhook deliveries: signature verification on the raw bytes (Standard Webhooks, or a hex
 * HMAC in a header), a signer for test deliveries, the sealed {@link
 * dev.switchboard.workflux.webhook.WorkFluxEvent} family with its parser, and the authenticator and
 * parser that plug them into sdk-core's receiving pipeline.
 */
package dev.switchboard.workflux.webhook;
