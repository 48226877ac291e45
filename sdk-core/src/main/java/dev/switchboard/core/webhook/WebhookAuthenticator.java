package dev.switchboard.core.webhook;

/**
 * Decides whether a request comes from the platform, before its body is parsed. Built-in ones are
 * made by {@link WebhookAuthenticators}; a platform that signs its deliveries plugs in its own (an
 * HMAC verifier gets the raw bytes, the headers and the time of arrival from the request).
 */
@FunctionalInterface
public interface WebhookAuthenticator {

  /**
   * Checks a request.
   *
   * @param request the request with its raw body and every header
   * @return success, or a failure whose reason is safe to log (it must never hold a credential)
   */
  AuthenticationResult authenticate(WebhookRequest request);
}
