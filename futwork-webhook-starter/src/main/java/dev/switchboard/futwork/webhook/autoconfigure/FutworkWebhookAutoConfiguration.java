package dev.switchboard.futwork.webhook.autoconfigure;

import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.autoconfigure.WebhookAutoConfiguration;
import dev.switchboard.futwork.webhook.internal.FutworkPayloadParser;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Declares the Futwork post-call endpoint ({@code /webhooks/futwork} by default); sdk-core's {@link
 * WebhookAutoConfiguration} serves it. Refuses to start without authentication unless {@code
 * futwork.webhook.allow-unauthenticated=true}; {@code futwork.webhook.enabled=false} turns the
 * receiver off, and a bean named {@code futworkWebhookEndpoint} replaces it.
 */
@AutoConfiguration(before = WebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.handler.SimpleUrlHandlerMapping")
@ConditionalOnProperty(
    prefix = "futwork.webhook",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(FutworkWebhookProperties.class)
public class FutworkWebhookAutoConfiguration {

  /** The source name of Futwork deliveries in metrics, logs and the delivery store. */
  public static final String SOURCE = "futwork";

  /** Creates the configuration. */
  public FutworkWebhookAutoConfiguration() {}

  /**
   * The Futwork post-call endpoint.
   *
   * @param properties the receiver's settings
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean(name = "futworkWebhookEndpoint")
  public WebhookEndpoint futworkWebhookEndpoint(FutworkWebhookProperties properties) {
    return endpoint(properties);
  }

  static WebhookEndpoint endpoint(FutworkWebhookProperties properties) {
    return properties.toEndpoint(SOURCE, "futwork.webhook", new FutworkPayloadParser());
  }
}
