/**
 * Types every Switchboard module shares: the {@link dev.switchboard.core.Secret} credential holder
 * and the {@link dev.switchboard.core.SwitchboardException} root of the error hierarchy.
 */
package dev.switchboard.core;
