/**
 * The SDK's private Jackson 2 mapper and tolerant reads: bodies travel as bytes, independent of the
 * application's mapper settings and of which Jackson the application uses. Not public API.
 */
package dev.switchboard.core.json.internal;
