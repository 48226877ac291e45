package dev.switchboard.workflux.client;

import dev.switchboard.core.Secret;
import dev.switchboard.core.http.HttpSettings;
import dev.switchboard.workflux.internal.DefaultWorkFluxClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.web.client.RestClient;

/** Builds a {@link WorkFluxClient} without Spring Boot. A client id and secret are required. */
public final class WorkFluxClientBuilder {

  /** WorkFlux's base URL; the API version is part of its path. */
  public static final String DEFAULT_BASE_URL = "https://api.workflux.ai/v1";

  /** How long before {@code expires_in} runs out a token is renewed, by default. */
  public static final Duration DEFAULT_TOKEN_SKEW = Duration.ofSeconds(60);

  /** The longest a connectivity check may take, by default. */
  public static final Duration DEFAULT_CONNECTIVITY_TIMEOUT = Duration.ofSeconds(5);

  private String clientId;
  private Secret clientSecret;
  private String baseUrl = DEFAULT_BASE_URL;
  private Duration tokenSkew = DEFAULT_TOKEN_SKEW;
  private Duration connectivityTimeout = DEFAULT_CONNECTIVITY_TIMEOUT;
  private HttpSettings http = HttpSettings.DEFAULTS;
  private Supplier<RestClient.Builder> restClientBuilder; // null: RestClient.builder()
  private Sleeper sleeper;
  private Clock clock = Clock.systemUTC();

  WorkFluxClientBuilder() {}

  /**
   * Sets the OAuth client id.
   *
   * @param clientId the id WorkFlux gave you
   * @return this builder
   */
  public WorkFluxClientBuilder clientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  /**
   * Sets the OAuth client secret.
   *
   * @param clientSecret the secret WorkFlux gave you
   * @return this builder
   */
  public WorkFluxClientBuilder clientSecret(String clientSecret) {
    return clientSecret(Secret.ofNullable(clientSecret));
  }

  /**
   * Sets the OAuth client secret.
   *
   * @param clientSecret the secret, or {@code null}
   * @return this builder
   */
  public WorkFluxClientBuilder clientSecret(Secret clientSecret) {
    this.clientSecret = clientSecret;
    return this;
  }

  /**
   * Sets the base URL; {@value #DEFAULT_BASE_URL} by default.
   *
   * @param baseUrl an https URL (http only to a loopback host), with the API version in its path
   * @return this builder
   */
  public WorkFluxClientBuilder baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
    return this;
  }

  /**
   * Sets how long before {@code expires_in} runs out a token is renewed; 60 s by default. A token
   * whose lifetime is shorter than twice the skew is renewed after half its lifetime.
   *
   * @param skew the skew, zero or more
   * @return this builder
   */
  public WorkFluxClientBuilder tokenSkew(Duration skew) {
    if (skew == null || skew.isNegative()) {
      throw new IllegalArgumentException("token skew must be zero or more");
    }
    this.tokenSkew = skew;
    return this;
  }

  /**
   * Sets the longest a connectivity check may take; 5 s by default.
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public WorkFluxClientBuilder connectivityTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("connectivity timeout must be positive");
    }
    this.connectivityTimeout = timeout;
    return this;
  }

  /**
   * Sets time-outs and retries; {@link HttpSettings#DEFAULTS} otherwise.
   *
   * @param http the settings
   * @return this builder
   */
  public WorkFluxClientBuilder http(HttpSettings http) {
    this.http = Objects.requireNonNull(http, "http");
    return this;
  }

  /**
   * Widens the retries to POST and PATCH calls whose outcome is unknown ({@code 500}, {@code 502},
   * {@code 504}, a time-out or a reset after sending), at the risk of creating an agent,
   * conversation or subscription twice. Off by default. Changes the retry settings given so far.
   *
   * @param retry whether to retry them
   * @return this builder
   */
  public WorkFluxClientBuilder retryUnknownOutcome(boolean retry) {
    this.http =
        new HttpSettings(
            http.connectTimeout(), http.readTimeout(), http.retry().withRetryUnknownOutcome(retry));
    return this;
  }

  /**
   * Starts from an application's RestClient builder (copied, never changed).
   *
   * @param builder the builder, or {@code null} for {@link RestClient#builder()}
   * @return this builder
   */
  public WorkFluxClientBuilder restClientBuilder(RestClient.Builder builder) {
    return restClientBuilder(() -> builder);
  }

  /**
   * Starts from an application's RestClient builder given by a supplier, asked on the first call
   * only (such as {@code ObjectProvider::getIfAvailable}), so startup does not build a RestClient.
   *
   * @param builder gives the builder (copied, never changed), or {@code null} for {@link
   *     RestClient#builder()}
   * @return this builder
   */
  public WorkFluxClientBuilder restClientBuilder(Supplier<RestClient.Builder> builder) {
    this.restClientBuilder = Objects.requireNonNull(builder, "builder");
    return this;
  }

  /**
   * Sets how the client waits between attempts; for tests and simulations.
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public WorkFluxClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = sleeper;
    return this;
  }

  /**
   * Sets the clock token lifetimes are measured with; for tests.
   *
   * @param clock the clock
   * @return this builder
   */
  public WorkFluxClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Builds the client. No call is made until the client is used.
   *
   * @return the client
   * @throws IllegalArgumentException when the client id or secret is missing, or the base URL is
   *     not https
   */
  public WorkFluxClient build() {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException(
          "No WorkFlux client id: set workflux.client-id to the OAuth client id WorkFlux gave you.");
    }
    if (clientSecret == null) {
      throw new IllegalArgumentException(
          "No WorkFlux client secret: set workflux.client-secret to the OAuth client secret"
              + " WorkFlux gave you.");
    }
    return new DefaultWorkFluxClient(
        new DefaultWorkFluxClient.Settings(
            clientId.strip(),
            clientSecret,
            baseUrl,
            tokenSkew,
            http,
            connectivityTimeout,
            restClientBuilder,
            sleeper,
            clock));
  }

  @Override
  public String toString() {
    return "WorkFluxClientBuilder[client-id="
        + clientId
        + ", client-secret="
        + (clientSecret == null ? "unset" : "****")
        + ", base-url="
        + baseUrl
        + "]";
  }
}
