package dev.switchboard.benchmarks.floor;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/** Floor of the receiving pipeline's auto-configuration: a store and one handler mapping. */
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
@ConditionalOnBean(FloorBeans.Endpoint.class)
@EnableConfigurationProperties(FloorProperties.Store.class)
public class FloorWebhookAutoConfiguration {

  /** Creates the configuration. */
  public FloorWebhookAutoConfiguration() {}

  /**
   * The store.
   *
   * @param properties its properties
   * @return a bean that does nothing
   */
  @Bean
  @ConditionalOnMissingBean
  public FloorBeans.Store floorStore(FloorProperties.Store properties) {
    return new FloorBeans.Store(properties);
  }

  /**
   * Maps each endpoint's path to it.
   *
   * @param endpoints the endpoints
   * @param store the store
   * @return the handler mapping
   */
  @Bean
  public SimpleUrlHandlerMapping floorHandlerMapping(
      ObjectProvider<FloorBeans.Endpoint> endpoints, FloorBeans.Store store) {
    Map<String, Object> urlMap = new LinkedHashMap<>();
    for (FloorBeans.Endpoint endpoint : endpoints.orderedStream().toList()) {
      urlMap.put(endpoint.path(), endpoint);
    }
    return new SimpleUrlHandlerMapping(urlMap, Ordered.HIGHEST_PRECEDENCE + 100);
  }
}
