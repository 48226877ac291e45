/**
 * Webhook ingest: the real Futwork starter endpoint against a bare controller in the same
 * application, loaded by wrk from another process on loopback.
 */
package dev.switchboard.benchmarks.ingest;
