/**
 * The WorkFlux REST API: {@link dev.switchboard.workflux.client.WorkFluxClient} manages agents,
 * conversations and webhook subscriptions with OAuth 2.0 client credentials, and the records it
 * answers.
 */
package dev.switchboard.workflux.client;
