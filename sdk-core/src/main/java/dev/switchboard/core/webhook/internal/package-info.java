/**
 * The webhook pipeline's implementation: the servlet request handler, the built-in authenticators,
 * CIDR matching, problem responses, metrics, the SQL of the JDBC store and the inbox with its
 * dispatcher. Not API; may change without notice.
 */
package dev.switchboard.core.webhook.internal;
