/**
 * The sandbox's workings: one HTTP handler per platform, the seeded call simulator, the payload
 * builders, failure injection and the retrying delivery sender. Not an API.
 */
package dev.switchboard.sandbox.internal;
