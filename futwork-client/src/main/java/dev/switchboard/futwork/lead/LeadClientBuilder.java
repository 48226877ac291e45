package dev.switchboard.futwork.lead;

import dev.switchboard.core.Secret;
import dev.switchboard.core.http.HttpSettings;
import dev.switchboard.futwork.lead.internal.DefaultLeadClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.web.client.RestClient;

/**
 * Builds a {@link LeadClient} without Spring Boot. An API key is required: one for both platforms
 * with {@link #apiKey(String)}, or one per platform.
 */
public final class LeadClientBuilder {

  /** Futwork Workflows' base URL, as the document's endpoint examples use it. */
  public static final String DEFAULT_WORKFLOWS_BASE_URL = "https://omni.futwork.com/api";

  /** The Futwork AI Platform's base URL. */
  public static final String DEFAULT_CAMPAIGNS_BASE_URL = "https://platform.futwork.ai/api";

  /** The default number of leads a bulk submission sends at once. */
  public static final int DEFAULT_BULK_CONCURRENCY = 8;

  private Secret apiKey;
  private Secret workflowsApiKey;
  private Secret campaignsApiKey;
  private String workflowsBaseUrl = DEFAULT_WORKFLOWS_BASE_URL;
  private String campaignsBaseUrl = DEFAULT_CAMPAIGNS_BASE_URL;
  private HttpSettings http = HttpSettings.DEFAULTS;
  private int bulkConcurrency = DEFAULT_BULK_CONCURRENCY;
  private Duration bulkTimeLimit; // null: no limit
  private Supplier<RestClient.Builder> restClientBuilder; // null: RestClient.builder()
  private Sleeper sleeper;
  private Boolean retryUnknownOutcome; // null: as the HTTP settings say

  LeadClientBuilder() {}

  /**
   * Sets the API key used for both platforms, unless a platform has its own.
   *
   * @param apiKey the key Futwork gave you
   * @return this builder
   */
  public LeadClientBuilder apiKey(String apiKey) {
    return apiKey(Secret.ofNullable(apiKey));
  }

  /**
   * Sets the API key used for both platforms, unless a platform has its own.
   *
   * @param apiKey the key, or {@code null}
   * @return this builder
   */
  public LeadClientBuilder apiKey(Secret apiKey) {
    this.apiKey = apiKey;
    return this;
  }

  /**
   * Sets the API key for Futwork Workflows only.
   *
   * @param apiKey the key, or {@code null} to use {@link #apiKey(Secret)}
   * @return this builder
   */
  public LeadClientBuilder workflowsApiKey(Secret apiKey) {
    this.workflowsApiKey = apiKey;
    return this;
  }

  /**
   * Sets the API key for the Futwork AI Platform only.
   *
   * @param apiKey the key, or {@code null} to use {@link #apiKey(Secret)}
   * @return this builder
   */
  public LeadClientBuilder campaignsApiKey(Secret apiKey) {
    this.campaignsApiKey = apiKey;
    return this;
  }

  /**
   * Sets Futwork Workflows' base URL; {@value #DEFAULT_WORKFLOWS_BASE_URL} by default.
   *
   * @param baseUrl an https URL (http only to a loopback host)
   * @return this builder
   */
  public LeadClientBuilder workflowsBaseUrl(String baseUrl) {
    this.workflowsBaseUrl = baseUrl;
    return this;
  }

  /**
   * Sets the Futwork AI Platform's base URL; {@value #DEFAULT_CAMPAIGNS_BASE_URL} by default.
   *
   * @param baseUrl an https URL (http only to a loopback host)
   * @return this builder
   */
  public LeadClientBuilder campaignsBaseUrl(String baseUrl) {
    this.campaignsBaseUrl = baseUrl;
    return this;
  }

  /**
   * Sets time-outs and retries; {@link HttpSettings#DEFAULTS} otherwise.
   *
   * @param http the settings
   * @return this builder
   */
  public LeadClientBuilder http(HttpSettings http) {
    this.http = Objects.requireNonNull(http, "http");
    return this;
  }

  /**
   * Widens the retries to submissions whose outcome is unknown ({@code 500}, {@code 502}, {@code
   * 504}, a time-out or a reset after the lead was sent). Off by default: the platform may have
   * accepted the lead already, and Futwork takes no idempotency key, so a retry can call the same
   * person twice. Turn it on only if a duplicate call costs less than a missed one. Overrides the
   * setting of {@link #http(HttpSettings)}.
   *
   * @param retry whether to retry them
   * @return this builder
   */
  public LeadClientBuilder retryUnknownOutcome(boolean retry) {
    this.retryUnknownOutcome = retry;
    return this;
  }

  /**
   * Sets how many leads a bulk submission sends at once.
   *
   * @param concurrency at least 1
   * @return this builder
   */
  public LeadClientBuilder bulkConcurrency(int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("bulk concurrency must be at least 1, was " + concurrency);
    }
    this.bulkConcurrency = concurrency;
    return this;
  }

  /**
   * Sets how long a bulk submission may take when {@link LeadClient#submitAll(List)} or {@link
   * LeadClient#submitAll(List, BulkProgress)} does not name a limit.
   *
   * @param timeLimit positive, or {@code null} for no limit (the default)
   * @return this builder
   */
  public LeadClientBuilder bulkTimeLimit(Duration timeLimit) {
    if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
      throw new IllegalArgumentException("bulk time limit must be positive, was " + timeLimit);
    }
    this.bulkTimeLimit = timeLimit;
    return this;
  }

  /**
   * Starts from an application's RestClient builder (copied, never changed).
   *
   * @param builder the builder, or {@code null} for {@link RestClient#builder()}
   * @return this builder
   */
  public LeadClientBuilder restClientBuilder(RestClient.Builder builder) {
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
  public LeadClientBuilder restClientBuilder(Supplier<RestClient.Builder> builder) {
    this.restClientBuilder = Objects.requireNonNull(builder, "builder");
    return this;
  }

  /**
   * Sets how the client waits between attempts; for tests and simulations.
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public LeadClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = sleeper;
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws IllegalArgumentException when no API key is set, or a base URL is not https
   */
  public LeadClient build() {
    Secret workflows = workflowsApiKey != null ? workflowsApiKey : apiKey;
    Secret campaigns = campaignsApiKey != null ? campaignsApiKey : apiKey;
    if (workflows == null && campaigns == null) {
      throw new IllegalArgumentException(
          "No Futwork API key: set futwork.api-key (or futwork.workflows.api-key and"
              + " futwork.campaigns.api-key) to the key Futwork gave you.");
    }
    HttpSettings settings =
        retryUnknownOutcome == null
            ? http
            : new HttpSettings(
                http.connectTimeout(),
                http.readTimeout(),
                http.retry().withRetryUnknownOutcome(retryUnknownOutcome));
    return new DefaultLeadClient(
        new DefaultLeadClient.Settings(
            workflows,
            campaigns,
            workflowsBaseUrl,
            campaignsBaseUrl,
            settings,
            bulkConcurrency,
            bulkTimeLimit,
            restClientBuilder,
            sleeper));
  }
}
