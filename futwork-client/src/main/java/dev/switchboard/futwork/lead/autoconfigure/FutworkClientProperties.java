package dev.switchboard.futwork.lead.autoconfigure;

import dev.switchboard.core.Secret;
import dev.switchboard.core.config.ConfigurationValues;
import dev.switchboard.core.http.HttpProperties;
import dev.switchboard.core.validation.PositiveDuration;
import dev.switchboard.core.validation.ValidBaseUrl;
import dev.switchboard.futwork.lead.LeadClientBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the Futwork lead client, under {@code futwork}.
 *
 * <p>Validated: with a Bean Validation provider on the class path (such as {@code
 * spring-boot-starter-validation}), a base URL, duration or size out of range fails binding in
 * Spring Boot's format, with the message the client's own check gives without one.
 *
 * <p>A key or URL still holding an unresolved {@code ${...}} placeholder (an unset environment
 * variable) fails startup naming the property. A value left out (null) takes its default from the
 * compact constructors, as {@link HttpProperties} explains; the module's configuration metadata
 * states the same defaults.
 *
 * @param apiKey API key Futwork gave you, sent as the x-api-key header to both platforms unless a
 *     platform has its own key. Required.
 * @param workflows Futwork Workflows (omni): base URL and an optional key of its own.
 * @param campaigns Futwork AI Platform: base URL and an optional key of its own.
 * @param http Time-outs and retries of lead submission.
 * @param bulk Bulk submission.
 */
@ConfigurationProperties("futwork")
@Validated
public record FutworkClientProperties(
    Secret apiKey,
    @Valid Workflows workflows,
    @Valid Campaigns campaigns,
    @Valid @NestedConfigurationProperty HttpProperties http,
    @Valid Bulk bulk) {

  /** Applies the defaults. */
  public FutworkClientProperties {
    ConfigurationValues.requireResolved("futwork.api-key", apiKey);
    workflows = workflows != null ? workflows : new Workflows(null, null);
    campaigns = campaigns != null ? campaigns : new Campaigns(null, null);
    http = http != null ? http : new HttpProperties(null, null, null);
    bulk = bulk != null ? bulk : new Bulk(null, null);
  }

  /**
   * Futwork Workflows.
   *
   * @param baseUrl Base URL of Futwork Workflows. The document's endpoint examples post to
   *     https://omni.futwork.com/api/workflows/{workflowId}/leads, without the /v1 its text names.
   * @param apiKey API key for Futwork Workflows only, overriding futwork.api-key.
   */
  public record Workflows(@ValidBaseUrl String baseUrl, Secret apiKey) {

    /** Applies the default base URL. */
    public Workflows {
      ConfigurationValues.requireResolved("futwork.workflows.base-url", baseUrl);
      ConfigurationValues.requireResolved("futwork.workflows.api-key", apiKey);
      baseUrl = baseUrl != null ? baseUrl : LeadClientBuilder.DEFAULT_WORKFLOWS_BASE_URL;
    }
  }

  /**
   * The Futwork AI Platform.
   *
   * @param baseUrl Base URL of the Futwork AI Platform.
   * @param apiKey API key for the Futwork AI Platform only, overriding futwork.api-key.
   */
  public record Campaigns(@ValidBaseUrl String baseUrl, Secret apiKey) {

    /** Applies the default base URL. */
    public Campaigns {
      ConfigurationValues.requireResolved("futwork.campaigns.base-url", baseUrl);
      ConfigurationValues.requireResolved("futwork.campaigns.api-key", apiKey);
      baseUrl = baseUrl != null ? baseUrl : LeadClientBuilder.DEFAULT_CAMPAIGNS_BASE_URL;
    }
  }

  /**
   * Bulk submission.
   *
   * @param concurrency How many leads a bulk submission sends at once.
   * @param timeLimit How long a bulk submission may take when the call names no limit; leads not
   *     sent by then are reported not attempted. None by default.
   */
  public record Bulk(
      @Min(value = 1, message = "must be at least 1") Integer concurrency,
      @PositiveDuration Duration timeLimit) {

    /** Applies the default. */
    public Bulk {
      concurrency = concurrency != null ? concurrency : 8;
    }
  }
}
