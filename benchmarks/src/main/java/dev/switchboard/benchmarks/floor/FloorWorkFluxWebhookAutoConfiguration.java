package dev.switchboard.benchmarks.floor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Floor of the WorkFlux receiver's auto-configuration: one endpoint, when there is a verifier (the
 * SDK's own condition reads the {@code workflux.webhook} properties instead).
 */
@AutoConfiguration(
    after = FloorWorkFluxAutoConfiguration.class,
    before = FloorWebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(
    name = {
      "org.springframework.web.servlet.handler.SimpleUrlHandlerMapping",
      "jakarta.servlet.http.HttpServletRequest"
    })
@ConditionalOnBean(FloorBeans.Verifier.class)
@EnableConfigurationProperties(FloorProperties.WorkFlux.class)
public class FloorWorkFluxWebhookAutoConfiguration {

  /** Creates the configuration. */
  public FloorWorkFluxWebhookAutoConfiguration() {}

  /**
   * The endpoint.
   *
   * @param properties its properties
   * @param verifier the verifier
   * @return an endpoint answering 200
   */
  @Bean
  @ConditionalOnMissingBean(name = "floorWorkFluxEndpoint")
  public FloorBeans.Endpoint floorWorkFluxEndpoint(
      FloorProperties.WorkFlux properties, FloorBeans.Verifier verifier) {
    return new FloorBeans.Endpoint(properties.webhook().path(), verifier);
  }
}
