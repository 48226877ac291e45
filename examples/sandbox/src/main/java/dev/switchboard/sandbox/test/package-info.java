/**
 * The sandbox in a Spring Boot test: {@link dev.switchboard.sandbox.test.SwitchboardSandbox} starts
 * one per test context and points the SDK's properties at it.
 */
package dev.switchboard.sandbox.test;
