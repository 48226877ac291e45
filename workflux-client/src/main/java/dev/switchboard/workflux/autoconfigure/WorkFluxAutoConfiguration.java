package dev.switchboard.workflux.autoconfigure;

import dev.switchboard.core.Secret;
import dev.switchboard.workflux.client.WorkFluxClient;
import dev.switchboard.workflux.internal.ConnectivityHealth;
import dev.switchboard.workflux.webhook.HexHmacVerifier;
import dev.switchboard.workflux.webhook.StandardWebhooks;
import dev.switchboard.workflux.webhook.WebhookVerifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
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
        .restClientBuilder(restClientBuilders.getIfAvailable())
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
    StandardWebhooks.Builder builder =
        StandardWebhooks.builder()
            .tolerance(webhook.tolerance())
            .clock(clocks.getIfUnique(Clock::systemUTC));
    secrets.forEach(builder::secret);
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

  /**
   * The health contributor on Boot 4.x, where Actuator's health types live in spring-boot-health.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnProperty(
      prefix = "management.health.workflux",
      name = "enabled",
      matchIfMissing = true)
  @Import(Boot4HealthRegistrar.class)
  static class Boot4Health {}

  /** The health contributor on Boot 3.x. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnProperty(
      prefix = "management.health.workflux",
      name = "enabled",
      matchIfMissing = true)
  @Import(Boot3HealthRegistrar.class)
  static class Boot3Health {}

  static final class Boot4HealthRegistrar extends HealthRegistrar {
    Boot4HealthRegistrar() {
      super(ConnectivityHealth.BOOT4_PACKAGE);
    }
  }

  static final class Boot3HealthRegistrar extends HealthRegistrar {
    Boot3HealthRegistrar() {
      super(ConnectivityHealth.BOOT3_PACKAGE);
    }
  }

  /**
   * Registers the health indicator with its interface as the bean's type, so Actuator finds it by
   * type before it is created, unless the application has a bean of that name.
   */
  abstract static class HealthRegistrar
      implements ImportBeanDefinitionRegistrar, BeanFactoryAware, BeanClassLoaderAware {
    private final String healthPackage;
    private BeanFactory beanFactory;
    private ClassLoader classLoader;

    HealthRegistrar(String healthPackage) {
      this.healthPackage = healthPackage;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
      this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
      this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(
        AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      if (registry.containsBeanDefinition(HEALTH_BEAN)) {
        return;
      }
      @SuppressWarnings("unchecked")
      Class<Object> type =
          (Class<Object>) ConnectivityHealth.indicatorType(healthPackage, classLoader);
      BeanFactory factory = beanFactory;
      ClassLoader loader = classLoader;
      RootBeanDefinition definition =
          new RootBeanDefinition(
              type,
              () ->
                  ConnectivityHealth.indicator(
                      healthPackage,
                      loader,
                      () -> factory.getBean(WorkFluxClient.class).checkConnectivity()));
      registry.registerBeanDefinition(HEALTH_BEAN, definition);
    }
  }
}
