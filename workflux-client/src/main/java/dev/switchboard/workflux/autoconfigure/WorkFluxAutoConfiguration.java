package dev.switchboard.workflux.autoconfigure;

import dev.switchboard.core.Secret;
import dev.switchboard.workflux.client.WorkFluxClient;
import dev.switchboard.workflux.webhook.HexHmacVerifier;
import dev.switchboard.workflux.webhook.StandardWebhooks;
import dev.switchboard.workflux.webhook.WebhookVerifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * Provides a {@link WorkFluxClient} from the {@code workflux.*} properties unless the application
 * defines its own; a {@link WebhookVerifier} when {@code workflux.webhook.secret} is set; a
 * subscription at startup when {@code workflux.webhook.subscribe-on-startup.url} is set; and, when
 * Actuator is present (Boot 3.5 or 4.x), a {@code workflux} health contributor running the
 * connectivity check ({@code management.health.workflux.enabled=false} turns it off).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
      "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration"
    })
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(WorkFluxProperties.class)
@Import(WorkFluxHealthRegistrar.class)
public class WorkFluxAutoConfiguration {

  /** The health contributor's bean name; Actuator reports it as {@code workflux}. */
  public static final String HEALTH_BEAN = "workfluxHealthIndicator";

  /** Creates the configuration. */
  public WorkFluxAutoConfiguration() {}

  /**
   * The WorkFlux client.
   *
   * @param properties the {@code workflux.*} properties
   * @param restClientBuilders the application's RestClient builder, when there is one
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  public WorkFluxClient workFluxClient(
      WorkFluxProperties properties, ObjectProvider<RestClient.Builder> restClientBuilders) {
    return WorkFluxClient.builder()
        .clientId(properties.clientId())
        .clientSecret(properties.clientSecret())
        .baseUrl(properties.baseUrl())
        .tokenSkew(properties.tokenSkew())
        .http(properties.http().toSettings())
        .connectivityTimeout(properties.connectivity().timeout())
        .restClientBuilder(restClientBuilders::getIfAvailable)
        .build();
  }

  /**
   * The verifier of WorkFlux deliveries, for the receiving endpoint.
   *
   * @param properties the {@code workflux.*} properties
   * @param clocks the application's clock, when it has exactly one (the one the receiving pipeline
   *     uses)
   * @return the verifier of the configured scheme
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "workflux.webhook", name = "secret")
  public WebhookVerifier workFluxWebhookVerifier(
      WorkFluxProperties properties, ObjectProvider<Clock> clocks) {
    WorkFluxProperties.Webhook webhook = properties.webhook();
    List<Secret> secrets = new ArrayList<>();
    secrets.add(webhook.secret());
    secrets.addAll(webhook.previousSecrets());
    if (webhook.scheme() == WorkFluxProperties.Scheme.HEX_HMAC) {
      return HexHmacVerifier.of(webhook.signatureHeader(), StandardWebhooks.ID_HEADER, secrets);
    }
    StandardWebhooks.Builder builder = StandardWebhooks.builder().tolerance(webhook.tolerance());
    Clock clock = clocks.getIfUnique();
    if (clock != null) {
      builder.clock(clock); // else the builder's own, the system clock in UTC
    }
    for (Secret secret : secrets) {
      builder.secret(secret);
    }
    return builder.build();
  }

  /**
   * Subscribes to WorkFlux events at startup.
   *
   * @param client the client
   * @param properties the {@code workflux.*} properties
   * @return the subscriber
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "workflux.webhook.subscribe-on-startup", name = "url")
  public WorkFluxWebhookSubscriber workFluxWebhookSubscriber(
      WorkFluxClient client, WorkFluxProperties properties) {
    WorkFluxProperties.Webhook webhook = properties.webhook();
    return new WorkFluxWebhookSubscriber(
        client,
        webhook.subscribeOnStartup().url(),
        webhook.subscribeOnStartup().events(),
        webhook.secret());
  }
}
