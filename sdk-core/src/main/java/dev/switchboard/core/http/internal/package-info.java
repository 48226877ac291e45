/**
 * Implementation of outbound HTTP: the retry policy, backoff with jitter, and error translation.
 */
package dev.switchboard.core.http.internal;
