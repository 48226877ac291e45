package dev.switchboard.core.http;

import dev.switchboard.core.Secret;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * Puts a platform's credentials on each request, and names the secrets that must be masked in every
 * message, log line and captured body.
 */
public interface Authenticator {

  /**
   * Adds the credentials to a request about to be sent.
   *
   * @param headers the request's headers
   */
  void authenticate(HttpHeaders headers);

  /**
   * Called when a call made with the current credentials was answered {@code 401}. An
   * implementation that can renew them (a cached OAuth token) does so and returns {@code true}; the
   * call is then made once more.
   *
   * @return whether fresh credentials are in place and the call should be made again
   */
  default boolean renewAfterUnauthorized() {
    return false;
  }

  /**
   * Returns every secret this authenticator sends or holds, to be masked wherever text leaves the
   * SDK.
   *
   * @return the secrets
   */
  List<Secret> secrets();

  /**
   * An authenticator that sends an API key in a header.
   *
   * @param header the header name, such as {@code x-api-key}
   * @param key the key
   * @return the authenticator
   */
  static Authenticator apiKey(String header, Secret key) {
    return new Authenticator() {
      @Override
      public void authenticate(HttpHeaders headers) {
        headers.set(header, key.reveal());
      }

      @Override
      public List<Secret> secrets() {
        return List.of(key);
      }

      @Override
      public String toString() {
        return "ApiKeyAuthenticator[" + header + "=****]";
      }
    };
  }
}
