/**
 * Spring Boot wiring of WorkFlux: the {@code workflux.*} properties, the WorkFluxClient and webhook
 * verifier beans, the optional subscription at startup, the Actuator health contributor, and the
 * event receiver served by sdk-core's webhook pipeline.
 */
package dev.switchboard.workflux.autoconfigure;
