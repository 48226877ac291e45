/**
 * A local fake of Futwork, Flowforge and WorkFlux: {@link dev.switchboard.sandbox.Sandbox} (embed
 * it in a test or an application) and {@link dev.switchboard.sandbox.SandboxMain} (run it on a
 * port).
 */
package dev.switchboard.sandbox;
