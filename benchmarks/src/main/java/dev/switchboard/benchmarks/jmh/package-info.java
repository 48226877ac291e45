/**
 * JMH micro-benchmarks (parsing, signature verification, field mapping), each SDK path beside its
 * hand-written baseline, and the runner that turns their scores into report figures.
 */
package dev.switchboard.benchmarks.jmh;
