package dev.switchboard.workflux.autoconfigure;

import dev.switchboard.core.config.ConfigurationValues;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.autoconfigure.WebhookAutoConfiguration;
import dev.switchboard.workflux.webhook.StandardWebhooks;
import dev.switchboard.workflux.webhook.WebhookVerifier;
import dev.switchboard.workflux.webhook.WorkFluxWebhookAuthenticator;
import dev.switchboard.workflux.webhook.WorkFluxWebhookParser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Declares the WorkFlux event receiver ({@code /webhooks/workflux} by default), which sdk-core's
 * {@link WebhookAutoConfiguration} serves: signatures verified by the {@link WebhookVerifier} bean
 * (401 when refused), de-duplication on {@code webhook-id} (or the header {@code
 * workflux.webhook.headers.id} names), {@code WorkFluxEvent} records published to
 * {@code @EventListener} methods.
 *
 * <p>Active only in a servlet web application with Spring MVC, and only when the application asks
 * for it: {@code workflux.webhook.enabled=true}, or, with {@code enabled} unset, when {@code
 * workflux.webhook.secret}, {@code previous-secrets} or {@code path} is set or {@code
 * allow-unauthenticated} is true. An application that only calls the WorkFlux API needs no webhook
 * settings. Once active, it refuses to start without a secret unless {@code
 * workflux.webhook.allow-unauthenticated=true}. A bean named {@code workfluxWebhookEndpoint}
 * replaces the endpoint.
 */
@AutoConfiguration(after = WorkFluxAutoConfiguration.class, before = WebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(
    name = {
      "org.springframework.web.servlet.handler.SimpleUrlHandlerMapping",
      "jakarta.servlet.http.HttpServletRequest"
    })
@Conditional(WorkFluxReceiverRequested.class)
@EnableConfigurationProperties(WorkFluxProperties.class)
public class WorkFluxWebhookAutoConfiguration {

  /** The source name of WorkFlux deliveries in metrics, logs and the delivery store. */
  public static final String SOURCE = "workflux";

  /** Creates the configuration. */
  public WorkFluxWebhookAutoConfiguration() {}

  /**
   * The WorkFlux event receiver.
   *
   * @param properties the {@code workflux.*} properties
   * @param verifiers the verifier of the configured scheme, present when a secret is set
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean(name = "workfluxWebhookEndpoint")
  public WebhookEndpoint workfluxWebhookEndpoint(
      WorkFluxProperties properties, ObjectProvider<WebhookVerifier> verifiers) {
    WorkFluxProperties.Webhook webhook = properties.webhook();
    WebhookVerifier verifier = verifiers.getIfUnique();
    ConfigurationValues.requireResolved("workflux.webhook.path", webhook.path());
    return WebhookEndpoint.builder(
            SOURCE, webhook.path(), new WorkFluxWebhookParser(webhook.headers().id()))
        .authenticator(verifier == null ? null : WorkFluxWebhookAuthenticator.of(verifier))
        .sensitiveHeaders(
            StandardWebhooks.SIGNATURE_HEADER,
            webhook.headers().signature(),
            webhook.signatureHeader())
        .maxBodySize(webhook.maxBodySize().toBytes())
        .allowUnauthenticated(webhook.allowUnauthenticated())
        .configurationHints("workflux.webhook.secret", "workflux.webhook.allow-unauthenticated")
        .build();
  }
}
