package dev.switchboard.benchmarks.floor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** Floor of the WorkFlux client's auto-configuration: the client, the verifier, the subscriber. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
      "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration"
    })
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(FloorProperties.WorkFlux.class)
public class FloorWorkFluxAutoConfiguration {

  /** Creates the configuration. */
  public FloorWorkFluxAutoConfiguration() {}

  /**
   * The client.
   *
   * @param properties its properties
   * @return a bean that does nothing
   */
  @Bean
  @ConditionalOnMissingBean
  public FloorBeans.Client floorWorkFluxClient(FloorProperties.WorkFlux properties) {
    return new FloorBeans.Client(properties);
  }

  /**
   * The verifier.
   *
   * @param properties its properties
   * @return a bean that does nothing
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "workflux.webhook", name = "secret")
  public FloorBeans.Verifier floorWorkFluxVerifier(FloorProperties.WorkFlux properties) {
    return new FloorBeans.Verifier(properties.webhook());
  }

  /**
   * The subscriber, whose property the benchmark does not set.
   *
   * @param client the client
   * @return a bean that does nothing
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "workflux.webhook.subscribe-on-startup", name = "url")
  public FloorBeans.Subscriber floorWorkFluxSubscriber(FloorBeans.Client client) {
    return new FloorBeans.Subscriber(client);
  }
}
