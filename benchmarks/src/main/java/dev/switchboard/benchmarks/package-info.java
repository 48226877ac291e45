/**
 * Benchmarks of the SDK against what a user would write instead, and the report table they feed.
 * Started by {@code benchmarks/run.sh}; never part of the default build's tests.
 */
package dev.switchboard.benchmarks;
