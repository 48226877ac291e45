/**
 * Implementation of the WorkFlux client: the OAuth token manager, paging, the client itself, map
 * reads of loosely typed JSON and the HMAC helpers behind signature verification. Not part of the
 * public API.
 */
package dev.switchboard.workflux.internal;
