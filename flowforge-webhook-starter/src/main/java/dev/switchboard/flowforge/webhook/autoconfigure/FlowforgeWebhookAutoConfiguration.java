package dev.switchboard.flowforge.webhook.autoconfigure;

import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.autoconfigure.WebhookAutoConfiguration;
import dev.switchboard.flowforge.webhook.internal.FlowforgePayloadParser;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Declares the Flowforge endpoint ({@code /webhooks/flowforge} by default); sdk-core's {@link
 * WebhookAutoConfiguration} serves it. Refuses to start without authentication unless {@code
 * flowforge.webhook.allow-unauthenticated=true}; {@code flowforge.webhook.enabled=false} turns the
 * receiver off, and a bean named {@code flowforgeWebhookEndpoint} replaces it.
 */
@AutoConfiguration(before = WebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.handler.SimpleUrlHandlerMapping")
@ConditionalOnProperty(
    prefix = "flowforge.webhook",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(FlowforgeWebhookProperties.class)
public class FlowforgeWebhookAutoConfiguration {

  /** The source name of Flowforge deliveries in metrics, logs and the delivery store. */
  public static final String SOURCE = "flowforge";

  /** Creates the configuration. */
  public FlowforgeWebhookAutoConfiguration() {}

  /**
   * The Flowforge endpoint.
   *
   * @param properties the receiver's settings
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean(name = "flowforgeWebhookEndpoint")
  public WebhookEndpoint flowforgeWebhookEndpoint(FlowforgeWebhookProperties properties) {
    return properties.toEndpoint(
        SOURCE, "flowforge.webhook", new FlowforgePayloadParser(properties.getZone()));
  }
}
