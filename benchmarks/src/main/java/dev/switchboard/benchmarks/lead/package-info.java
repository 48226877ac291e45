/**
 * Lead submission: {@code LeadClient} against the JDK's {@code HttpClient} posting the same bytes
 * to the same stub server, which runs in its own JVM.
 */
package dev.switchboard.benchmarks.lead;
