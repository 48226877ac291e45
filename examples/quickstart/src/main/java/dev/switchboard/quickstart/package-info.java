/**
 * The quickstart: a Spring Boot application that pushes the leads of a CSV file with {@code
 * LeadClient}, receives each call's outcome as an event, and prints what happened.
 */
package dev.switchboard.quickstart;
