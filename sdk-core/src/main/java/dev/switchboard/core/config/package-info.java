/**
 * Checks of the SDK's configuration shared by every module (values still holding an unresolved
 * {@code ${...}} placeholder) and the failure analysis Boot shows when a configuration is refused.
 */
package dev.switchboard.core.config;
