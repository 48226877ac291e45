/**
 * How field mappings work inside: the declaration parser and compiler, source paths, the
 * transformation steps and the validators. Not an API; it may change in any release.
 */
package dev.switchboard.core.mapping.internal;
