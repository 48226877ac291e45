/**
 * Startup and memory: one small web application started in fresh JVMs with every Switchboard
 * starter on the class path and without any.
 */
package dev.switchboard.benchmarks.startup;
