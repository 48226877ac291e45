package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.webhook.DeliveryStore;
import dev.switchboard.core.webhook.InMemoryDeliveryStore;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.autoconfigure.WebhookAutoConfiguration;
import dev.switchboard.futwork.webhook.autoconfigure.FutworkWebhookAutoConfiguration;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/** Auto-configuration: present, refuses unsafe settings with a clear message, backs off. */
@ExtendWith(OutputCaptureExtension.class)
class FutworkStartupTest {

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  FutworkWebhookAutoConfiguration.class, WebhookAutoConfiguration.class));

  @Test
  void startupIsRefusedWithoutAuthenticationAndNamesTheProperty() {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure())
              .rootCause()
              .hasMessageContaining("futwork.webhook.secret")
              .hasMessageContaining("futwork.webhook.allow-unauthenticated=true");
        });
  }

  @Test
  void startsWithASecretAndMapsThePath(CapturedOutput output) {
    runner
        .withPropertyValues("futwork.webhook.secret=abc-secret-123")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(WebhookEndpoint.class);
              assertThat(context.getBean(DeliveryStore.class))
                  .isInstanceOf(InMemoryDeliveryStore.class);
              SimpleUrlHandlerMapping mapping = context.getBean(SimpleUrlHandlerMapping.class);
              assertThat(mapping.getUrlMap()).containsKey("/webhooks/futwork");
              assertThat(mapping.getOrder()).isLessThan(0);
            });
    assertThat(output.getAll()).doesNotContain("abc-secret-123");
  }

  @Test
  void startsUnauthenticatedOnlyWhenAllowedAndWarnsOnce(CapturedOutput output) {
    runner
        .withPropertyValues("futwork.webhook.allow-unauthenticated=true")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(output.getAll()).containsOnlyOnce("accepts UNAUTHENTICATED deliveries");
  }

  @Test
  void disabledReceiverDeclaresNothing() {
    runner
        .withPropertyValues("futwork.webhook.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WebhookEndpoint.class);
              assertThat(context).doesNotHaveBean(SimpleUrlHandlerMapping.class);
              assertThat(context).doesNotHaveBean(DeliveryStore.class);
            });
  }

  @Test
  void notAServletApplicationDeclaresNothing() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                FutworkWebhookAutoConfiguration.class, WebhookAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WebhookEndpoint.class);
            });
  }

  @Test
  void userBeansReplaceTheDefaults() {
    DeliveryStore custom =
        new InMemoryDeliveryStore(
            java.time.Clock.systemUTC(),
            java.time.Duration.ofMinutes(1),
            java.time.Duration.ofMinutes(1),
            5);
    WebhookEndpoint own =
        WebhookEndpoint.builder(
                "futwork",
                "/own",
                r -> new ParsedDelivery<>(new Object(), r.delivery(r.bodySha256()), "x"))
            .allowUnauthenticated(true)
            .build();
    runner
        .withBean("futworkWebhookEndpoint", WebhookEndpoint.class, () -> own)
        .withBean(DeliveryStore.class, () -> custom)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(WebhookEndpoint.class)).isSameAs(own);
              assertThat(context.getBean(DeliveryStore.class)).isSameAs(custom);
              assertThat(context.getBean(SimpleUrlHandlerMapping.class).getUrlMap())
                  .containsOnlyKeys("/own");
            });
  }

  @Test
  void inconsistentSettingsFailWithTheirPropertyNames() {
    runner
        .withPropertyValues("futwork.webhook.query-token-parameter=token")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("futwork.webhook.secret"));
    runner
        .withPropertyValues("futwork.webhook.basic.username=futwork")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("futwork.webhook.basic.password"));
    runner
        .withPropertyValues("futwork.webhook.secret=x1", "futwork.webhook.allowlist=example.com")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("example.com"));
    runner
        .withPropertyValues("futwork.webhook.secret=x1", "switchboard.webhook.store.type=jdbc")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("DataSource")
                    .hasMessageContaining("switchboard.webhook.store.type"));
  }

  @Test
  void everyPropertyIsInTheConfigurationReference() {
    dev.switchboard.core.testing.ConfigurationDocs.assertEveryPropertyDocumented();
  }

  @Test
  void theDefaultsInTheMetadataAreTheBoundOnes() {
    dev.switchboard.core.testing.ConfigurationDocs.assertMetadataDefaultsAreBound(
        "futwork.webhook",
        dev.switchboard.futwork.webhook.autoconfigure.FutworkWebhookProperties.class);
  }

  @Test
  void everyPropertyHasADescriptionInTheGeneratedMetadata() throws Exception {
    Map<String, JsonNode> properties = new HashMap<>();
    for (String owner : new String[] {"futwork", "switchboard"}) {
      var resources =
          getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
      while (resources.hasMoreElements()) {
        try (InputStream in = resources.nextElement().openStream()) {
          for (JsonNode p : Json.mapper().readTree(in).path("properties")) {
            if (p.path("name").asText().startsWith(owner + ".webhook.")) {
              properties.put(p.path("name").asText(), p);
            }
          }
        }
      }
    }
    assertThat(properties)
        .containsKeys(
            "futwork.webhook.enabled",
            "futwork.webhook.path",
            "futwork.webhook.secret",
            "futwork.webhook.header-name",
            "futwork.webhook.query-token-parameter",
            "futwork.webhook.basic.username",
            "futwork.webhook.basic.password",
            "futwork.webhook.allowlist",
            "futwork.webhook.trusted-proxies",
            "futwork.webhook.allow-unauthenticated",
            "futwork.webhook.max-body-size",
            "switchboard.webhook.store.type",
            "switchboard.webhook.store.time-to-live",
            "switchboard.webhook.store.lease-timeout",
            "switchboard.webhook.store.max-entries",
            "switchboard.webhook.store.jdbc.initialize-schema");
    properties.forEach(
        (name, p) -> assertThat(p.path("description").asText()).as(name).isNotBlank());
    assertThat(properties.get("futwork.webhook.path").path("defaultValue").asText())
        .isEqualTo("/webhooks/futwork");
    assertThat(properties.get("futwork.webhook.header-name").path("defaultValue").asText())
        .isEqualTo("X-Webhook-Secret");
    assertThat(properties.get("futwork.webhook.enabled").path("defaultValue").asBoolean()).isTrue();
  }
}
