package dev.switchboard.futwork.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.futwork.lead.autoconfigure.FutworkClientAutoConfiguration;
import dev.switchboard.futwork.lead.autoconfigure.FutworkClientProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

class LeadClientAutoConfigurationTest {

  /** An application without Bean Validation: Boot binds without validating. */
  static final FilteredClassLoader WITHOUT_A_VALIDATOR =
      new FilteredClassLoader("jakarta.validation");

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(FutworkClientAutoConfiguration.class));

  @Test
  void providesALeadClientFromTheApiKey() {
    runner
        .withPropertyValues(
            "futwork.api-key=secret-key-1",
            "futwork.http.read-timeout=12s",
            "futwork.http.retry.max-attempts=2",
            "futwork.bulk.concurrency=3",
            "futwork.bulk.time-limit=5m")
        .run(
            context -> {
              assertThat(context).hasSingleBean(LeadClient.class);
              FutworkClientProperties properties = context.getBean(FutworkClientProperties.class);
              assertThat(properties.http().readTimeout()).isEqualTo(Duration.ofSeconds(12));
              assertThat(properties.http().retry().maxAttempts()).isEqualTo(2);
              assertThat(properties.bulk().concurrency()).isEqualTo(3);
              assertThat(properties.bulk().timeLimit()).isEqualTo(Duration.ofMinutes(5));
              assertThat(properties.workflows().baseUrl())
                  .isEqualTo("https://omni.futwork.com/api");
              assertThat(properties.campaigns().baseUrl())
                  .isEqualTo("https://platform.futwork.ai/api");
              assertThat(properties.toString()).doesNotContain("secret-key-1");
              assertThat(context.getBean(LeadClient.class).toString())
                  .doesNotContain("secret-key-1");
            });
  }

  @Test
  void usesTheApplicationsRestClientBuilderOnTheFirstCallNotAtStartup() throws Exception {
    int port;
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
      port = closed.getLocalPort();
    }
    int[] built = {0};
    runner
        .withPropertyValues(
            "futwork.api-key=k",
            "futwork.campaigns.base-url=http://127.0.0.1:" + port,
            "futwork.http.retry.max-attempts=1")
        .withBean(
            RestClient.Builder.class,
            () -> {
              built[0]++;
              return RestClient.builder();
            },
            // as Boot declares it: a new builder for each injection point
            definition ->
                definition.setScope(
                    org.springframework.beans.factory.config.BeanDefinition.SCOPE_PROTOTYPE))
        .run(
            context -> {
              assertThat(context).hasSingleBean(LeadClient.class);
              assertThat(built[0]).isZero();
              LeadClient client = context.getBean(LeadClient.class);
              org.assertj.core.api.Assertions.assertThatThrownBy(
                      () -> client.submitToCampaign("c", CampaignLead.of("9999789877", Map.of())))
                  .isInstanceOf(dev.switchboard.core.http.TransportException.class);
              assertThat(built[0]).isEqualTo(1);
            });
  }

  @Test
  void backsOffForTheUsersOwnClient() {
    LeadClient own = LeadClient.builder().apiKey("mine").build();
    runner
        .withPropertyValues("futwork.api-key=k")
        .withBean(LeadClient.class, () -> own)
        .run(context -> assertThat(context.getBean(LeadClient.class)).isSameAs(own));
  }

  @Test
  void failsWithoutAKeyNamingTheProperty() {
    runner.run(
        context ->
            assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("futwork.api-key"));
  }

  @Test
  void aPerPlatformKeyIsEnough() {
    runner
        .withPropertyValues("futwork.campaigns.api-key=only-campaigns")
        .run(context -> assertThat(context).hasSingleBean(LeadClient.class));
  }

  @Test
  void plainHttpToARemoteHostFailsNamingTheProperty() {
    runner
        .withClassLoader(WITHOUT_A_VALIDATOR)
        .withPropertyValues(
            "futwork.api-key=k", "futwork.workflows.base-url=http://omni.futwork.com/api")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("futwork.workflows.base-url must use https"));
  }

  @Test
  void withAValidatorWrongValuesFailBindingInBootsFormatWithTheClientsMessages() {
    runner
        .withPropertyValues(
            "futwork.api-key=k",
            "futwork.workflows.base-url=http://omni.futwork.com/api",
            "futwork.bulk.concurrency=0",
            "futwork.bulk.time-limit=0s",
            "futwork.http.retry.max-attempts=0")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasRootCauseInstanceOf(BindValidationException.class)
                    .rootCause()
                    .hasMessageContainingAll(
                        "workflows.baseUrl",
                        "must use https (plain http is allowed only for localhost",
                        "bulk.concurrency",
                        "must be at least 1",
                        "bulk.timeLimit",
                        "must be positive",
                        "http.retry.maxAttempts"));
  }

  @Test
  void withoutAValidatorTheClientsOwnChecksStillStopStartup() {
    runner
        .withClassLoader(WITHOUT_A_VALIDATOR)
        .withPropertyValues("futwork.api-key=k", "futwork.bulk.concurrency=0")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("bulk concurrency must be at least 1"));
  }

  @Test
  void everyPropertyHasADescriptionAndIsInTheConfigurationReference() {
    dev.switchboard.core.testing.ConfigurationDocs.assertEveryPropertyDocumented();
  }

  @Test
  void theDefaultsInTheMetadataAreTheBoundOnes() {
    dev.switchboard.core.testing.ConfigurationDocs.assertMetadataDefaultsAreBound(
        "futwork", FutworkClientProperties.class);
  }

  @Test
  void everyPropertyHasADescriptionAndDocumentedDefaults() throws Exception {
    var metadata =
        dev.switchboard.core.json.internal.Json.mapper()
            .readValue(
                getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json"),
                Map.class);
    @SuppressWarnings("unchecked")
    var properties = (java.util.List<Map<String, Object>>) metadata.get("properties");
    assertThat(properties)
        .isNotEmpty()
        .allSatisfy(
            p -> assertThat((String) p.get("description")).as((String) p.get("name")).isNotBlank());
    assertThat(properties)
        .filteredOn(p -> p.get("name").equals("futwork.http.retry.max-attempts"))
        .singleElement()
        .satisfies(p -> assertThat(p.get("defaultValue")).isEqualTo(4));
  }
}
