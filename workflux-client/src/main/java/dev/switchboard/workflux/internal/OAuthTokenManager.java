package dev.switchboard.workflux.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.Secret;
import dev.switchboard.core.http.AnswerCheck;
import dev.switchboard.core.http.ApiClient;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.ApiResponse;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.Authenticator;
import dev.switchboard.core.http.RateLimitedException;
import dev.switchboard.core.http.ServerException;
import dev.switchboard.core.http.TransportException;
import dev.switchboard.core.http.UnexpectedResponseException;
import dev.switchboard.core.json.internal.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * OAuth 2.0 client credentials for WorkFlux: {@code POST /auth/token} with a JSON body, the token
 * cached until {@code expires_in} minus a skew (or, without {@code expires_in}, until a call is
 * answered 401), one token request at a time however many threads need one.
 */
public final class OAuthTokenManager implements Authenticator {

  /** The token endpoint, relative to the base URL. */
  public static final String TOKEN_PATH = "/auth/token";

  private static final Logger log = LoggerFactory.getLogger(OAuthTokenManager.class);

  private final String clientId;
  private final Secret clientSecret;
  private final Duration skew;
  private final Clock clock;
  private final ApiClient tokenClient;
  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<Token> used = new ThreadLocal<>();
  private final List<Secret> secrets = new LiveSecrets();
  private final Secret basicCredentials;
  private volatile Token current;
  private volatile Token previous;

  /** A cached access token; {@code expiresAt} is null when the platform gave no lifetime. */
  private record Token(Secret value, Instant expiresAt) {
    boolean usableAt(Instant now) {
      return expiresAt == null || now.isBefore(expiresAt);
    }
  }

  /**
   * Creates the manager.
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param skew how long before {@code expires_in} runs out the token is renewed
   * @param clock the time source
   * @param tokenClientFactory builds the client the token requests go through, given an
   *     authenticator that adds nothing but masks the client secret and tokens
   */
  public OAuthTokenManager(
      String clientId,
      Secret clientSecret,
      Duration skew,
      Clock clock,
      Function<Authenticator, ApiClient> tokenClientFactory) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    // client_id:client_secret as HTTP Basic carries it, masked should the platform echo it
    this.basicCredentials =
        Secret.of(
            java.util.Base64.getEncoder()
                .encodeToString(
                    (clientId + ":" + clientSecret.reveal())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    this.skew = skew;
    this.clock = clock;
    this.tokenClient =
        tokenClientFactory.apply(
            new Authenticator() {
              @Override
              public void authenticate(HttpHeaders headers) {
                // the token request carries the credentials in its body
              }

              @Override
              public List<Secret> secrets() {
                return secrets;
              }

              @Override
              public String toString() {
                return "WorkFluxTokenEndpoint[****]";
              }
            });
  }

  @Override
  public void authenticate(HttpHeaders headers) {
    Token token = token();
    used.set(token);
    headers.setBearerAuth(token.value().reveal());
  }

  @Override
  public boolean renewAfterUnauthorized() {
    Token stale = used.get();
    used.remove();
    lock.lock();
    try {
      if (current == null || current == stale) {
        log.debug("WorkFlux answered 401 to a call made with a cached token; requesting a new one");
        current = fetch();
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Secret> secrets() {
    return secrets;
  }

  /**
   * Returns a valid access token, requesting one when none is cached or it is about to expire.
   *
   * @return the token
   * @throws AuthenticationException when WorkFlux refuses the client credentials
   */
  public Secret accessToken() {
    return token().value();
  }

  private Token token() {
    Token token = current;
    if (token != null && token.usableAt(clock.instant())) {
      return token;
    }
    lock.lock();
    try {
      token = current;
      if (token == null || !token.usableAt(clock.instant())) {
        token = fetch();
        current = token;
      }
      return token;
    } finally {
      lock.unlock();
    }
  }

  private Token fetch() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_id", clientId);
    body.put("client_secret", clientSecret.reveal());
    body.put("grant_type", "client_credentials");
    Instant requestedAt = clock.instant();
    ApiResponse response;
    try {
      // Asking for a token twice does no harm: retried like a read, and its answer must hold one.
      response =
          tokenClient.execute(
              ApiRequest.json(HttpMethod.POST, TOKEN_PATH, body)
                  .withTemplate(TOKEN_PATH)
                  .repeatable()
                  .expecting(OAuthTokenManager::tokenProblem));
    } catch (ServerException
        | TransportException
        | RateLimitedException
        | UnexpectedResponseException e) {
      throw e;
    } catch (ApiException e) {
      throw new AuthenticationException(
          "workflux: the token request POST "
              + TOKEN_PATH
              + " was refused with "
              + e.status()
              + e.platformMessage().map(m -> " (\"" + m + "\")").orElse("")
              + ". Check workflux.client-id and workflux.client-secret.",
          e.failure(),
          e);
    }
    JsonNode json;
    try {
      json = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("checked by tokenProblem", e);
    }
    Token token =
        new Token(Secret.of(json.get("access_token").asText()), expiry(json, requestedAt));
    previous = current;
    log.debug(
        "Obtained a WorkFlux access token{}",
        token.expiresAt() == null ? " without expires_in" : ", renewed after " + token.expiresAt());
    return token;
  }

  /** What keeps a token endpoint's success answer from being one: it must hold an access token. */
  private static String tokenProblem(ApiResponse response) {
    String problem = AnswerCheck.problem(response.body(), true, false);
    if (problem != null) {
      return problem;
    }
    try {
      JsonNode token = Json.mapper().readTree(response.body()).get("access_token");
      return token != null && token.isTextual() && !token.asText().isBlank()
          ? null
          : "a JSON object without an access_token";
    } catch (IOException e) {
      return "not JSON";
    }
  }

  private Instant expiry(JsonNode json, Instant requestedAt) {
    JsonNode expiresIn = json.get("expires_in");
    if (expiresIn == null || !(expiresIn.isNumber() || expiresIn.isTextual())) {
      return null;
    }
    long seconds;
    try {
      seconds =
          expiresIn.isNumber() ? expiresIn.asLong() : Long.parseLong(expiresIn.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
    if (seconds <= 0) {
      return requestedAt; // already expired: used for this call only
    }
    Duration lifetime = Duration.ofSeconds(seconds);
    Duration early = lifetime.minus(skew);
    // a lifetime shorter than the skew still serves for half of it
    return requestedAt.plus(
        early.compareTo(lifetime.dividedBy(2)) < 0 ? lifetime.dividedBy(2) : early);
  }

  @Override
  public String toString() {
    return describe(clientId);
  }

  /**
   * How a manager of this client id shows itself: the id, never the secret.
   *
   * @param clientId the client id
   * @return the text
   */
  public static String describe(String clientId) {
    return "WorkFluxOAuth[client-id=" + clientId + ", client-secret=****]";
  }

  /** The client secret and the current and previous tokens, read at each use. */
  private final class LiveSecrets extends AbstractList<Secret> {
    @Override
    public Secret get(int index) {
      return snapshot().get(index);
    }

    @Override
    public int size() {
      return snapshot().size();
    }

    @Override
    public java.util.Iterator<Secret> iterator() {
      return snapshot().iterator();
    }

    private List<Secret> snapshot() {
      Token now = current;
      Token before = previous;
      if (now == null && before == null) {
        return List.of(clientSecret, basicCredentials);
      }
      if (before == null) {
        return List.of(clientSecret, basicCredentials, now.value());
      }
      if (now == null) {
        return List.of(clientSecret, basicCredentials, before.value());
      }
      return List.of(clientSecret, basicCredentials, now.value(), before.value());
    }
  }
}
