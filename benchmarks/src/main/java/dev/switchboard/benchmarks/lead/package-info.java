/**
 * Lead submission: {@code LeadClient} against the JDK's {@code HttpClient} sending the same bytes
 * to the same local stub server, which runs in its own JVM.
 */
package dev.switchboard.benchmarks.lead;
