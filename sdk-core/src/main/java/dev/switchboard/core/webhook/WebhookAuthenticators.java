package dev.switchboard.core.webhook;

import dev.switchboard.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The authenticators for platforms that sign nothing: a shared secret in a header or in the URL's
 * query, and HTTP Basic. Every comparison takes constant time, and every configured secret is
 * accepted, so a secret can be rotated without losing deliveries.
 */
public final class WebhookAuthenticators {

  private WebhookAuthenticators() {}

  /**
   * Accepts a request whose header carries one of the secrets.
   *
   * @param headerName the header, such as {@code X-Webhook-Secret} (any case)
   * @param secrets the accepted secrets, at least one
   * @return the authenticator
   */
  public static WebhookAuthenticator headerSecret(String headerName, List<Secret> secrets) {
    requireText(headerName, "headerName");
    List<Secret> accepted = requireSecrets(secrets);
    return request -> {
      Optional<String> presented = request.header(headerName);
      if (presented.isEmpty()) {
        return AuthenticationResult.failure("header " + headerName + " is missing");
      }
      return matchesAny(accepted, presented.get())
          ? AuthenticationResult.success()
          : AuthenticationResult.failure("header " + headerName + " holds no accepted secret");
    };
  }

  /**
   * Accepts a request whose URL query parameter carries one of the secrets, for platforms where
   * only a URL can be configured. Query strings end up in access logs: prefer a header.
   *
   * @param parameterName the query parameter, such as {@code token}
   * @param secrets the accepted secrets, at least one
   * @return the authenticator
   */
  public static WebhookAuthenticator queryToken(String parameterName, List<Secret> secrets) {
    requireText(parameterName, "parameterName");
    List<Secret> accepted = requireSecrets(secrets);
    return request -> {
      Optional<String> presented = request.queryParameter(parameterName);
      if (presented.isEmpty()) {
        return AuthenticationResult.failure("query parameter " + parameterName + " is missing");
      }
      return matchesAny(accepted, presented.get())
          ? AuthenticationResult.success()
          : AuthenticationResult.failure(
              "query parameter " + parameterName + " holds no accepted secret");
    };
  }

  /**
   * Accepts a request with HTTP Basic credentials: the user name and one of the passwords.
   *
   * @param username the expected user name
   * @param passwords the accepted passwords, at least one
   * @return the authenticator
   */
  public static WebhookAuthenticator basic(String username, List<Secret> passwords) {
    requireText(username, "username");
    List<Secret> accepted = requireSecrets(passwords);
    byte[] expectedUser = username.getBytes(StandardCharsets.UTF_8);
    return request -> {
      Optional<String> header = request.header("Authorization");
      if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
        return AuthenticationResult.failure("no HTTP Basic credentials");
      }
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.get().substring(6).trim()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return AuthenticationResult.failure("HTTP Basic credentials are not valid Base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return AuthenticationResult.failure("HTTP Basic credentials have no password");
      }
      boolean userOk =
          MessageDigest.isEqual(
              expectedUser, decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8));
      boolean passwordOk = matchesAny(accepted, decoded.substring(colon + 1));
      return userOk && passwordOk
          ? AuthenticationResult.success()
          : AuthenticationResult.failure("HTTP Basic credentials are not accepted");
    };
  }

  /**
   * Accepts a request that any of the given authenticators accepts.
   *
   * @param authenticators the alternatives, at least one
   * @return the authenticator
   */
  public static WebhookAuthenticator anyOf(List<WebhookAuthenticator> authenticators) {
    List<WebhookAuthenticator> all = List.copyOf(authenticators);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("At least one authenticator is needed");
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    return request -> {
      List<String> reasons = new ArrayList<>();
      for (WebhookAuthenticator authenticator : all) {
        AuthenticationResult result = authenticator.authenticate(request);
        if (result.authenticated()) {
          return result;
        }
        reasons.add(result.reason());
      }
      return AuthenticationResult.failure(String.join("; ", reasons));
    };
  }

  private static boolean matchesAny(List<Secret> secrets, String presented) {
    boolean any = false;
    for (Secret secret : secrets) {
      any |= secret.matches(presented);
    }
    return any;
  }

  private static List<Secret> requireSecrets(List<Secret> secrets) {
    List<Secret> list = present(secrets);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("At least one secret is needed");
    }
    return list;
  }

  /**
   * The secrets that are there, in order; a loop rather than a stream, as this runs at every
   * application's startup.
   */
  static List<Secret> present(List<Secret> secrets) {
    if (secrets == null) {
      return List.of();
    }
    List<Secret> list = new ArrayList<>(secrets.size());
    for (Secret secret : secrets) {
      if (secret != null) {
        list.add(secret);
      }
    }
    return List.copyOf(list);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
