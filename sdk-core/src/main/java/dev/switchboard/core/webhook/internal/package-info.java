/**
 * The webhook pipeline's implementation: the servlet request handler, the built-in authenticators,
 * CIDR matching, problem responses and metrics. Not API; may change without notice.
 */
package dev.switchboard.core.webhook.internal;
