package dev.switchboard.futwork.lead.autoconfigure;

import dev.switchboard.futwork.lead.LeadClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Provides a {@link LeadClient} from the {@code futwork.*} properties, unless the application
 * defines its own. Starts from the application's {@link RestClient.Builder} when Boot offers one.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
      "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration"
    })
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(FutworkClientProperties.class)
public class FutworkClientAutoConfiguration {

  /** Creates the configuration. */
  public FutworkClientAutoConfiguration() {}

  /**
   * The lead client.
   *
   * @param properties the {@code futwork.*} properties
   * @param restClientBuilders the application's RestClient builder, when there is one
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  public LeadClient leadClient(
      FutworkClientProperties properties, ObjectProvider<RestClient.Builder> restClientBuilders) {
    return LeadClient.builder()
        .apiKey(properties.apiKey())
        .workflowsApiKey(properties.workflows().apiKey())
        .campaignsApiKey(properties.campaigns().apiKey())
        .workflowsBaseUrl(properties.workflows().baseUrl())
        .campaignsBaseUrl(properties.campaigns().baseUrl())
        .http(properties.http().toSettings())
        .bulkConcurrency(properties.bulk().concurrency())
        .bulkTimeLimit(properties.bulk().timeLimit())
        .restClientBuilder(restClientBuilders::getIfAvailable)
        .build();
  }
}
