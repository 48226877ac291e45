/**
 * Jakarta Bean Validation constraints for the SDK's configuration properties and records, checked
 * by Spring Boot's binder (or any validator) when one is on the class path. Each constraint reports
 * the message the SDK's own check gives, and the SDK's own checks run whether or not a validator is
 * present.
 */
package dev.switchboard.core.validation;
