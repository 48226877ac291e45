package dev.switchboard.core.webhook.autoconfigure;

import dev.switchboard.core.webhook.DeliveryStore;
import dev.switchboard.core.webhook.InMemoryDeliveryStore;
import dev.switchboard.core.webhook.WebhookConfigurationException;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.internal.MicrometerWebhookMetrics;
import dev.switchboard.core.webhook.internal.MultipartRefusalFilter;
import dev.switchboard.core.webhook.internal.WebhookMetrics;
import dev.switchboard.core.webhook.internal.WebhookRequestHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Serves every {@link WebhookEndpoint} bean with the delivery pipeline, on Spring Boot 3.5 and 4.x
 * alike: a plain Spring MVC {@link SimpleUrlHandlerMapping}, ordered ahead of the application's own
 * mappings, maps each endpoint's path to a {@link WebhookRequestHandler}.
 *
 * <p>Vendor auto-configurations that declare endpoints must run before this one ({@code before =
 * WebhookAutoConfiguration.class}). A {@link DeliveryStore} bean of the application's replaces the
 * default; {@code switchboard.webhook.store.type=jdbc} selects the shared JDBC store.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(
    name = {
      "org.springframework.web.servlet.handler.SimpleUrlHandlerMapping",
      "jakarta.servlet.http.HttpServletRequest"
    })
@ConditionalOnBean(WebhookEndpoint.class)
@EnableConfigurationProperties(WebhookStoreProperties.class)
public class WebhookAutoConfiguration {

  /** The handler mapping's order: ahead of annotated controllers (0) and static resources. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  /** Creates the configuration. */
  public WebhookAutoConfiguration() {}

  /**
   * The store remembering handled deliveries.
   *
   * @param properties the store settings
   * @param dataSource the application's data source, for the JDBC store
   * @param clock the application's clock, if it has exactly one
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public DeliveryStore webhookDeliveryStore(
      WebhookStoreProperties properties,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<Clock> clock) {
    Clock c = clockOf(clock);
    if (properties.getType() == WebhookStoreProperties.Type.JDBC) {
      if (!ClassUtils.isPresent("org.springframework.jdbc.core.JdbcTemplate", null)) {
        throw new WebhookConfigurationException(
            "switchboard.webhook.store.type=jdbc needs spring-jdbc on the class path"
                + " (add spring-boot-starter-jdbc), or set switchboard.webhook.store.type=memory.");
      }
      DataSource ds = dataSource.getIfUnique();
      if (ds == null) {
        throw new WebhookConfigurationException(
            "switchboard.webhook.store.type=jdbc needs exactly one DataSource bean; configure"
                + " spring.datasource.url, or set switchboard.webhook.store.type=memory.");
      }
      return JdbcDeliveryStores.create(ds, c, properties);
    }
    return new InMemoryDeliveryStore(
        c, properties.getTimeToLive(), properties.getLeaseTimeout(), properties.getMaxEntries());
  }

  /**
   * Maps every endpoint's path to its pipeline. A bean of the application's named {@code
   * switchboardWebhookHandlerMapping} replaces it.
   *
   * @param endpoints the endpoints declared by vendor modules or the application
   * @param store the delivery store
   * @param publisher publishes events to the application's listeners
   * @param clock the application's clock, if it has exactly one
   * @param metrics the metrics, when Micrometer is present
   * @return the handler mapping
   */
  @Bean
  @ConditionalOnMissingBean(name = "switchboardWebhookHandlerMapping")
  public SimpleUrlHandlerMapping switchboardWebhookHandlerMapping(
      ObjectProvider<WebhookEndpoint> endpoints,
      DeliveryStore store,
      ApplicationEventPublisher publisher,
      ObjectProvider<Clock> clock,
      ObjectProvider<WebhookMetrics> metrics) {
    Clock c = clockOf(clock);
    WebhookMetrics m = metrics.getIfUnique();
    if (m == null) {
      m = WebhookMetrics.NONE;
    }
    Map<String, Object> urlMap = new LinkedHashMap<>();
    for (WebhookEndpoint endpoint : endpoints.orderedStream().toList()) {
      Object previous =
          urlMap.put(endpoint.path(), new WebhookRequestHandler(endpoint, store, publisher, c, m));
      if (previous != null) {
        throw new WebhookConfigurationException(
            "Two webhook receivers use the path "
                + endpoint.path()
                + "; give one of them another path.");
      }
    }
    return new SimpleUrlHandlerMapping(urlMap, ORDER);
  }

  /**
   * Refuses multipart requests to the receivers' paths before Spring MVC parses them.
   *
   * @param endpoints the endpoints
   * @param metrics the metrics, when Micrometer is present
   * @return the filter, registered by Spring Boot for every request
   */
  @Bean
  @ConditionalOnMissingBean(name = "switchboardWebhookMultipartFilter")
  public MultipartRefusalFilter switchboardWebhookMultipartFilter(
      ObjectProvider<WebhookEndpoint> endpoints, ObjectProvider<WebhookMetrics> metrics) {
    WebhookMetrics m = metrics.getIfUnique();
    return new MultipartRefusalFilter(
        endpoints.orderedStream().toList(), m == null ? WebhookMetrics.NONE : m);
  }

  // Plain code rather than lambdas in what runs at startup: each lambda's first use links a class.
  private static Clock clockOf(ObjectProvider<Clock> clock) {
    Clock c = clock.getIfUnique();
    return c != null ? c : Clock.systemUTC();
  }

  /** Delivery metrics, only with Micrometer on the class path and a registry bean. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {

    @Bean
    @ConditionalOnMissingBean
    WebhookMetrics switchboardWebhookMetrics(ObjectProvider<MeterRegistry> registry) {
      return new MicrometerWebhookMetrics(registry::getIfUnique);
    }
  }
}
