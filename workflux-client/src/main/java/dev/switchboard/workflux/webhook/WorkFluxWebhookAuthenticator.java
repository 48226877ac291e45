package dev.switchboard.workflux.webhook;

import dev.switchboard.core.webhook.AuthenticationResult;
import dev.switchboard.core.webhook.WebhookAuthenticator;
import dev.switchboard.core.webhook.WebhookRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plugs a {@link WebhookVerifier} into sdk-core's receiving pipeline: the signature is checked on
 * the exact bytes received, with the headers in any case, and the signed timestamp against the
 * request's time of arrival (which the pipeline takes from the application's {@code Clock}). A
 * refusal's reason names the failure and never holds a secret or a signature.
 */
public final class WorkFluxWebhookAuthenticator implements WebhookAuthenticator {

  private final WebhookVerifier verifier;

  private WorkFluxWebhookAuthenticator(WebhookVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /**
   * An authenticator verifying with a verifier.
   *
   * @param verifier the verifier, such as {@link StandardWebhooks} or {@link HexHmacVerifier}
   * @return the authenticator
   */
  public static WorkFluxWebhookAuthenticator of(WebhookVerifier verifier) {
    return new WorkFluxWebhookAuthenticator(verifier);
  }

  @Override
  public AuthenticationResult authenticate(WebhookRequest request) {
    Map<String, List<String>> headers = request.headers();
    VerificationResult result =
        verifier.verify(
            name -> headers.getOrDefault(name, List.of()), request.body(), request.receivedAt());
    if (result.valid()) {
      return AuthenticationResult.success();
    }
    return AuthenticationResult.failure(result.failure() + ": " + result.message());
  }

  @Override
  public String toString() {
    return "WorkFluxWebhookAuthenticator[" + verifier + "]";
  }
}
