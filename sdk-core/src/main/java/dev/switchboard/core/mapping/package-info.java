/**
 * Field mapping: declare once (JSON, Spring properties or a builder) how a user's record becomes
 * lead data, compile it into an immutable {@link dev.switchboard.core.mapping.FieldMapping}, then
 * apply it many times; every problem comes back in a {@link
 * dev.switchboard.core.mapping.MappingResult}.
 */
package dev.switchboard.core.mapping;
