package dev.switchboard.workflux.autoconfigure;

import dev.switchboard.core.Secret;
import dev.switchboard.core.config.SwitchboardConfigurationException;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * Provides a {@link WorkFluxClient} from the {@code workflux.*} properties when client credentials
 * are set ({@code workflux.client-id} or {@code workflux.client-secret}) unless the application
 * defines its own; a {@link WebhookVerifier} when {@code workflux.webhook.secret} is set, with or
 * without credentials (a receive-only application needs nothing else); a subscription at startup
 * when {@code workflux.webhook.subscribe-on-startup.url} is set; and, when Actuator is present
 * (Boot 3.5 or 4.x) and there is a client, a {@code workflux} health contributor running the
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
  @Conditional(WorkFluxCredentialsSet.class)
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
  @Conditional(WorkFluxPropertySet.WebhookSecret.class)
  public WebhookVerifier workFluxWebhookVerifier(
      WorkFluxProperties properties, ObjectProvider<Clock> clocks) {
    WorkFluxProperties.Webhook webhook = properties.webhook();
    List<Secret> secrets = new ArrayList<>();
    secrets.add(webhook.secret());
    secrets.addAll(webhook.previousSecrets());
    WorkFluxProperties.Headers headers = webhook.headers();
    if (webhook.scheme() == WorkFluxProperties.Scheme.HEX_HMAC) {
      return HexHmacVerifier.of(webhook.signatureHeader(), headers.id(), secrets);
    }
    StandardWebhooks.Builder builder =
        StandardWebhooks.builder()
            .tolerance(webhook.tolerance())
            .headers(headers.id(), headers.timestamp(), headers.signature());
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
   * @param clients the client, present when credentials are set or the application has its own
   * @param properties the {@code workflux.*} properties
   * @return the subscriber
   * @throws SwitchboardConfigurationException when there is no client to subscribe with
   */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(WorkFluxPropertySet.SubscriptionUrl.class)
  public WorkFluxWebhookSubscriber workFluxWebhookSubscriber(
      ObjectProvider<WorkFluxClient> clients, WorkFluxProperties properties) {
    WorkFluxClient client = clients.getIfAvailable();
    if (client == null) {
      throw new SwitchboardConfigurationException(
          "workflux.webhook.subscribe-on-startup.url is set, but there is no WorkFlux client to"
              + " create the subscription with: workflux.client-id and workflux.client-secret are"
              + " not set.",
          "Set workflux.client-id and workflux.client-secret to the OAuth client WorkFlux gave"
              + " you, or remove workflux.webhook.subscribe-on-startup.url and create the"
              + " subscription yourself.");
    }
    WorkFluxProperties.Webhook webhook = properties.webhook();
    return new WorkFluxWebhookSubscriber(
        client,
        webhook.subscribeOnStartup().url(),
        webhook.subscribeOnStartup().events(),
        webhook.secret());
  }
}
