/**
 * Webhook ingest: the Futwork starter's receiver against a hand-written receiver and a do-nothing
 * endpoint in the same application, loaded in turn by wrk on loopback.
 */
package dev.switchboard.benchmarks.ingest;
