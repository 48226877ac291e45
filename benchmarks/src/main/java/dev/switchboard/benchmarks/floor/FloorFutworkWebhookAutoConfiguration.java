package dev.switchboard.benchmarks.floor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Floor of a shared-secret receiver's auto-configuration: its conditions, one endpoint. */
@AutoConfiguration(before = FloorWebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.handler.SimpleUrlHandlerMapping")
@ConditionalOnProperty(
    prefix = "futwork.webhook",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(FloorProperties.FutworkWebhook.class)
public class FloorFutworkWebhookAutoConfiguration {

  /** Creates the configuration. */
  public FloorFutworkWebhookAutoConfiguration() {}

  /**
   * The endpoint.
   *
   * @param properties its properties
   * @return an endpoint answering 200
   */
  @Bean
  @ConditionalOnMissingBean(name = "floorFutworkEndpoint")
  public FloorBeans.Endpoint floorFutworkEndpoint(FloorProperties.FutworkWebhook properties) {
    return new FloorBeans.Endpoint(properties.path(), properties);
  }
}
