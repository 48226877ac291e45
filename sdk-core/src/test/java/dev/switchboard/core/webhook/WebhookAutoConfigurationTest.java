package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.webhook.autoconfigure.WebhookAutoConfiguration;
import dev.switchboard.core.webhook.internal.MultipartRefusalFilter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/** The shared pipeline's wiring: what it provides and what an application can replace. */
class WebhookAutoConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  static class Endpoint {
    @Bean
    WebhookEndpoint acmeEndpoint() {
      return WebhookEndpoint.builder(
              "acme", "/webhooks/acme", request -> new ParsedDelivery<>("e", null, "t"))
          .allowUnauthenticated(true)
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnMapping {
    static final SimpleUrlHandlerMapping MAPPING = new SimpleUrlHandlerMapping(Map.of(), 7);

    @Bean
    SimpleUrlHandlerMapping switchboardWebhookHandlerMapping() {
      return MAPPING;
    }
  }

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(WebhookAutoConfiguration.class))
          .withUserConfiguration(Endpoint.class);

  @Test
  void mapsEachEndpointAndGuardsItsPathAgainstMultipart() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(
                  context
                      .getBean("switchboardWebhookHandlerMapping", SimpleUrlHandlerMapping.class)
                      .getUrlMap())
              .containsOnlyKeys("/webhooks/acme");
          assertThat(context).hasSingleBean(MultipartRefusalFilter.class);
        });
  }

  @Test
  void anApplicationsHandlerMappingOfTheSameNameReplacesIt() {
    runner
        .withUserConfiguration(OwnMapping.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean("switchboardWebhookHandlerMapping"))
                  .isSameAs(OwnMapping.MAPPING);
              assertThat(context).hasSingleBean(SimpleUrlHandlerMapping.class);
            });
  }
}
