/**
 * How Futwork deliveries are told apart and read: the payload parser and tolerant value
 * conversions. Not API; may change without notice.
 */
package dev.switchboard.futwork.webhook.internal;
