/**
 * JMH micro-benchmarks of parsing and signature verification, each SDK path beside its hand-written
 * baseline, and the runner that turns their scores into report figures.
 */
package dev.switchboard.benchmarks.jmh;
