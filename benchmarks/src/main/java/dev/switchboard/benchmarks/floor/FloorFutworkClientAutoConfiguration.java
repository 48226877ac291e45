package dev.switchboard.benchmarks.floor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** Floor of the lead client's auto-configuration: one client. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
      "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration"
    })
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(FloorProperties.FutworkClient.class)
public class FloorFutworkClientAutoConfiguration {

  /** Creates the configuration. */
  public FloorFutworkClientAutoConfiguration() {}

  /**
   * The client.
   *
   * @param properties its properties
   * @return a bean that does nothing
   */
  @Bean
  @ConditionalOnMissingBean
  public FloorBeans.LeadClient floorLeadClient(FloorProperties.FutworkClient properties) {
    return new FloorBeans.LeadClient(properties);
  }
}
