/**
 * The SDK's private Jackson 2 mapper: bodies travel as bytes, independent of the application's
 * mapper settings.
 */
package dev.switchboard.core.json;
