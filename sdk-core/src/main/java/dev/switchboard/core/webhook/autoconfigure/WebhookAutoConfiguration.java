package dev.switchboard.core.webhook.autoconfigure;

import dev.switchboard.core.webhook.DeliveryStore;
import dev.switchboard.core.webhook.InMemoryDeliveryStore;
import dev.switchboard.core.webhook.WebhookConfigurationException;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.WebhookInbox;
import dev.switchboard.core.webhook.internal.InboxDispatcher;
import dev.switchboard.core.webhook.internal.InboxGauges;
import dev.switchboard.core.webhook.internal.InboxReceiver;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * default; {@code switchboard.webhook.store.type=jdbc} selects the shared JDBC store. With {@code
 * switchboard.webhook.mode=inbox}, deliveries are stored in the database and answered, then
 * published by the inbox's dispatcher ({@link WebhookInbox} inspects and replays them).
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
      DataSource ds =
          jdbcDataSource(
              dataSource,
              "switchboard.webhook.store.type=jdbc",
              "switchboard.webhook.store.type=memory");
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
   * @param inbox the durable inbox, in the inbox mode
   * @param dispatcher the inbox's dispatcher, when this instance dispatches
   * @return the handler mapping
   */
  @Bean
  @ConditionalOnMissingBean(name = "switchboardWebhookHandlerMapping")
  public SimpleUrlHandlerMapping switchboardWebhookHandlerMapping(
      ObjectProvider<WebhookEndpoint> endpoints,
      DeliveryStore store,
      ApplicationEventPublisher publisher,
      ObjectProvider<Clock> clock,
      ObjectProvider<WebhookMetrics> metrics,
      ObjectProvider<WebhookInbox> inbox,
      ObjectProvider<InboxDispatcher> dispatcher) {
    Clock c = clockOf(clock);
    WebhookMetrics m = metricsOf(metrics);
    WebhookInbox i = inbox.getIfAvailable();
    InboxReceiver receiver =
        i == null ? null : JdbcInboxes.receiver(i, dispatcher.getIfAvailable(), m);
    Map<String, Object> urlMap = new LinkedHashMap<>();
    for (WebhookEndpoint endpoint : endpoints.orderedStream().toList()) {
      Object previous =
          urlMap.put(
              endpoint.path(),
              new WebhookRequestHandler(endpoint, store, publisher, c, m, receiver));
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

  /** The one DataSource a JDBC-backed setting needs, or a failure naming the setting. */
  private static DataSource jdbcDataSource(
      ObjectProvider<DataSource> dataSource, String setting, String alternative) {
    if (!ClassUtils.isPresent("org.springframework.jdbc.core.JdbcTemplate", null)) {
      throw new WebhookConfigurationException(
          setting
              + " needs spring-jdbc on the class path (add spring-boot-starter-jdbc), or set "
              + alternative
              + ".");
    }
    DataSource ds = dataSource.getIfUnique();
    if (ds == null) {
      throw new WebhookConfigurationException(
          setting
              + " needs exactly one DataSource bean; configure spring.datasource.url, or set "
              + alternative
              + ".");
    }
    return ds;
  }

  private static WebhookMetrics metricsOf(ObjectProvider<WebhookMetrics> metrics) {
    WebhookMetrics m = metrics.getIfUnique();
    return m != null ? m : WebhookMetrics.NONE;
  }

  /**
   * The durable inbox ({@code switchboard.webhook.mode=inbox}): deliveries are stored in the
   * database the JDBC store uses, answered, then dispatched with retries.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "switchboard.webhook", name = "mode", havingValue = "inbox")
  @EnableConfigurationProperties(WebhookInboxProperties.class) // nothing more to bind in sync mode
  static class Inbox {

    @Bean
    WebhookInbox webhookInbox(
        WebhookInboxProperties inbox,
        WebhookStoreProperties store,
        ObjectProvider<DataSource> dataSource,
        ObjectProvider<Clock> clock) {
      if (store.getType() != WebhookStoreProperties.Type.JDBC) {
        throw new WebhookConfigurationException(
            "switchboard.webhook.mode=inbox stores deliveries in the database: it needs"
                + " switchboard.webhook.store.type=jdbc (and a DataSource), or set"
                + " switchboard.webhook.mode=sync.");
      }
      DataSource ds =
          jdbcDataSource(
              dataSource, "switchboard.webhook.mode=inbox", "switchboard.webhook.mode=sync");
      return JdbcInboxes.create(ds, clockOf(clock), store, inbox.getInbox());
    }

    @Bean
    @ConditionalOnProperty(
        prefix = "switchboard.webhook.inbox",
        name = "dispatch",
        havingValue = "true",
        matchIfMissing = true)
    InboxDispatcher switchboardInboxDispatcher(
        WebhookInbox webhookInbox,
        ObjectProvider<WebhookEndpoint> endpoints,
        ApplicationEventPublisher publisher,
        ObjectProvider<WebhookMetrics> metrics,
        WebhookInboxProperties properties) {
      return JdbcInboxes.dispatcher(
          webhookInbox,
          endpoints.orderedStream().toList(),
          publisher,
          metricsOf(metrics),
          properties.getInbox());
    }

    /** Gauges of pending, failed and dead deliveries, only with Micrometer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Gauges {

      @Bean
      InboxGauges switchboardInboxGauges(
          WebhookInbox webhookInbox, ObjectProvider<MeterRegistry> registry) {
        return new InboxGauges(webhookInbox, registry::getIfUnique);
      }
    }

    /** The {@code webhookinbox} Actuator endpoint, only with Actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class Actuator {

      @Bean
      @ConditionalOnMissingBean
      WebhookInboxEndpoint webhookInboxEndpoint(WebhookInbox webhookInbox) {
        return new WebhookInboxEndpoint(webhookInbox);
      }
    }
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
