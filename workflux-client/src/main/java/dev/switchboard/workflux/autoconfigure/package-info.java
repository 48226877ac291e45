/**
 * Spring Boot wiring of WorkFlux: the {@code workflux.*} properties, the WorkFluxClient and webhook
 * verifier beans, the optional subscription at startup, and the Actuator health contributor.
 */
package dev.switchboard.workflux.autoconfigure;
