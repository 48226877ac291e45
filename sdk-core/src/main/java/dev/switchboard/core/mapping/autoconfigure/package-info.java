/**
 * Spring Boot wiring of field mappings: named mappings under {@code switchboard.mappings.<name>}
 * compiled at startup into an injectable {@link dev.switchboard.core.mapping.FieldMappings}.
 */
package dev.switchboard.core.mapping.autoconfigure;
