package dev.switchboard.flowforge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.ConfigurationDocs;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.core.webhook.autoconfigure.WebhookAutoConfiguration;
import dev.switchboard.flowforge.webhook.autoconfigure.FlowforgeWebhookAutoConfiguration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Startup rules, configuration and the records' JSON form. */
class FlowforgeStartupTest {

  final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  FlowforgeWebhookAutoConfiguration.class, WebhookAutoConfiguration.class));

  @Test
  void refusesToStartWithoutAuthenticationNamingTheProperty() {
    runner.run(
        context ->
            assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("flowforge.webhook.secret")
                .hasMessageContaining("flowforge.webhook.allow-unauthenticated=true"));
  }

  @Test
  void startsUnauthenticatedOnlyWhenToldExplicitly() {
    runner
        .withPropertyValues("flowforge.webhook.allow-unauthenticated=true")
        .run(context -> assertThat(context).hasNotFailed().hasBean("flowforgeWebhookEndpoint"));
  }

  @Test
  void declaresNoEndpointWithoutSpringMvcOnTheClassPath() {
    runner
        .withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean("flowforgeWebhookEndpoint"));
  }

  @Test
  void canBeTurnedOffAndMoved() {
    runner
        .withPropertyValues("flowforge.webhook.enabled=false")
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean("flowforgeWebhookEndpoint"));
    runner
        .withPropertyValues("flowforge.webhook.secret=s", "flowforge.webhook.path=/hooks/ff")
        .run(
            context ->
                assertThat(
                        context.getBean("flowforgeWebhookEndpoint", WebhookEndpoint.class).path())
                    .isEqualTo("/hooks/ff"));
  }

  @Test
  void zoneLessTimestampsAreReadInTheConfiguredZone() {
    runner
        .withPropertyValues("flowforge.webhook.secret=s", "flowforge.webhook.zone=Asia/Kolkata")
        .run(
            context -> {
              WebhookEndpoint endpoint =
                  context.getBean("flowforgeWebhookEndpoint", WebhookEndpoint.class);
              WebhookRequest request =
                  new WebhookRequest(
                      "flowforge",
                      Fixtures.payload("flowforge-conversation-closed.json"),
                      Map.of(),
                      Map.of(),
                      "127.0.0.1",
                      Instant.now(),
                      Set.of());
              FlowforgeEvent event = (FlowforgeEvent) endpoint.parser().parse(request).event();
              assertThat(event.createdAtInstant()).contains(Instant.parse("2024-04-10T12:46:50Z"));
            });
  }

  @Test
  void recordsSerializeBackToTheDocumentedJson() throws Exception {
    for (String name :
        new String[] {
          "flowforge-captured-form-created.json",
          "flowforge-captured-intent-created.json",
          "flowforge-conversation-closed.json"
        }) {
      byte[] sample = Fixtures.payload(name);
      WebhookRequest request =
          new WebhookRequest(
              "flowforge", sample, Map.of(), Map.of(), "::1", Instant.now(), Set.of());
      Object event =
          new dev.switchboard.flowforge.webhook.internal.FlowforgePayloadParser(
                  java.time.ZoneOffset.UTC)
              .parse(request)
              .event();
      JsonNode written = Json.mapper().valueToTree(event);
      assertThat(written).as(name).isEqualTo(Json.mapper().readTree(sample));
    }
  }

  @Test
  void everyPropertyIsDescribedAndInTheConfigurationReference() {
    ConfigurationDocs.assertEveryPropertyDocumented();
  }

  @Test
  void theDefaultsInTheMetadataAreTheBoundOnes() {
    ConfigurationDocs.assertMetadataDefaultsAreBound(
        "flowforge.webhook",
        dev.switchboard.flowforge.webhook.autoconfigure.FlowforgeWebhookProperties.class);
  }

  @Test
  void theDocumentedTimeFormIsReadExactlyAndOddOnesFallBackToTheFormatters() {
    var parser =
        new dev.switchboard.flowforge.webhook.internal.FlowforgePayloadParser(
            java.time.ZoneOffset.UTC);
    java.util.function.Function<String, java.util.Optional<Instant>> read =
        text -> {
          WebhookRequest request =
              new WebhookRequest(
                  "flowforge",
                  ("{\"id\":\"x\",\"event\":\"conversation.closed\",\"data\":{},\"created_at\":\""
                          + text
                          + "\"}")
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  Map.of(),
                  Map.of(),
                  "::1",
                  Instant.now(),
                  Set.of());
          return ((FlowforgeEvent) parser.parse(request).event()).createdAtInstant();
        };
    assertThat(read.apply("2024-02-29 23:59:59")).contains(Instant.parse("2024-02-29T23:59:59Z"));
    assertThat(read.apply("2023-02-29 10:00:00")).isEmpty();
    assertThat(read.apply("2024-13-01 10:00:00")).isEmpty();
    assertThat(read.apply("2024-04-10 25:00:00")).isEmpty();
    assertThat(read.apply("2024-04-10 24:00:00")).isEmpty();
    assertThat(read.apply("2024-04-10 10:60:00")).isEmpty();
    assertThat(read.apply("2024-04-10 10:00:60")).isEmpty();
    assertThat(read.apply("1969-12-31 23:59:59")).contains(Instant.parse("1969-12-31T23:59:59Z"));
    assertThat(read.apply("2024-04-10 1a:00:00")).isEmpty();
    assertThat(read.apply("2024-04-10 18:16:50.5"))
        .contains(Instant.parse("2024-04-10T18:16:50.500Z"));
  }
}
