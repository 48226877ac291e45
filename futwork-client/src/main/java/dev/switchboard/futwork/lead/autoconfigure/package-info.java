/**
 * Spring Boot wiring of the lead client: the {@code futwork.*} properties and the LeadClient bean.
 */
package dev.switchboard.futwork.lead.autoconfigure;
