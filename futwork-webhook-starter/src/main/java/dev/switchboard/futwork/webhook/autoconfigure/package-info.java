/**
 * Spring Boot wiring of the Futwork post-call receiver: the {@code futwork.webhook.*} properties
 * and the endpoint bean served by sdk-core's webhook pipeline.
 */
package dev.switchboard.futwork.webhook.autoconfigure;
