package dev.switchboard.futwork.lead.autoconfigure;

import dev.switchboard.core.Secret;
import dev.switchboard.core.http.HttpProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the Futwork lead client, under {@code futwork}.
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
    @DefaultValue Workflows workflows,
    @DefaultValue Campaigns campaigns,
    @DefaultValue @NestedConfigurationProperty HttpProperties http,
    @DefaultValue Bulk bulk) {

  /**
   * Futwork Workflows.
   *
   * @param baseUrl Base URL of Futwork Workflows. The document's endpoint examples post to
   *     https://omni.futwork.com/api/workflows/{workflowId}/leads, without the /v1 its text names.
   * @param apiKey API key for Futwork Workflows only, overriding futwork.api-key.
   */
  public record Workflows(
      @DefaultValue("https://omni.futwork.com/api") String baseUrl, Secret apiKey) {}

  /**
   * The Futwork AI Platform.
   *
   * @param baseUrl Base URL of the Futwork AI Platform.
   * @param apiKey API key for the Futwork AI Platform only, overriding futwork.api-key.
   */
  public record Campaigns(
      @DefaultValue("https://platform.futwork.ai/api") String baseUrl, Secret apiKey) {}

  /**
   * Bulk submission.
   *
   * @param concurrency How many leads a bulk submission sends at once.
   */
  public record Bulk(@DefaultValue("8") int concurrency) {}
}
