/**
 * Startup: one small web application started in fresh JVMs, with the Switchboard starters on the
 * class path and without them, in pairs.
 */
package dev.switchboard.benchmarks.startup;
