package dev.switchboard.futwork.lead.autoconfigure;

import dev.switchboard.core.Secret;
import dev.switchboard.core.http.HttpProperties;
import dev.switchboard.futwork.lead.LeadClientBuilder;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of the Futwork lead client, under {@code futwork}.
 *
 * <p>A value left out (null) takes its default from the compact constructors, as {@link
 * HttpProperties} explains; the module's configuration metadata states the same defaults.
 *
 * @param apiKey API key Futwork gave you, sent as the x-api-key header to both platforms unless a
 *     platform has its own key. Required.
 * @param workflows Futwork Workflows (omni): base URL and an optional key of its own.
 * @param campaigns Futwork AI Platform: base URL and an optional key of its own.
 * @param http Time-outs and retries of lead submission.
 * @param bulk Bulk submission.
 */
@ConfigurationProperties("futwork")
public record FutworkClientProperties(
    Secret apiKey,
    Workflows workflows,
    Campaigns campaigns,
    @NestedConfigurationProperty HttpProperties http,
    Bulk bulk) {

  /** Applies the defaults. */
  public FutworkClientProperties {
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
  public record Workflows(String baseUrl, Secret apiKey) {

    /** Applies the default base URL. */
    public Workflows {
      baseUrl = baseUrl != null ? baseUrl : LeadClientBuilder.DEFAULT_WORKFLOWS_BASE_URL;
    }
  }

  /**
   * The Futwork AI Platform.
   *
   * @param baseUrl Base URL of the Futwork AI Platform.
   * @param apiKey API key for the Futwork AI Platform only, overriding futwork.api-key.
   */
  public record Campaigns(String baseUrl, Secret apiKey) {

    /** Applies the default base URL. */
    public Campaigns {
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
  public record Bulk(Integer concurrency, Duration timeLimit) {

    /** Applies the default. */
    public Bulk {
      concurrency = concurrency != null ? concurrency : 8;
    }
  }
}
