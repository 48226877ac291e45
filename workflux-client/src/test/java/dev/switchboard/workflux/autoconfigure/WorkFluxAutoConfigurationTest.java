package dev.switchboard.workflux.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.workflux.client.WorkFluxClient;
import dev.switchboard.workflux.webhook.HexHmacVerifier;
import dev.switchboard.workflux.webhook.StandardWebhooks;
import dev.switchboard.workflux.webhook.WebhookHeaders;
import dev.switchboard.workflux.webhook.WebhookVerifier;
import dev.switchboard.workflux.webhook.WorkFluxWebhookSigner;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

@ExtendWith(OutputCaptureExtension.class)
class WorkFluxAutoConfigurationTest {

  static final String CLIENT_SECRET = "cs_autoconf_5f4e3d2c1b";
  static final String WEBHOOK_SECRET = "whk_secret_a1b2c3d4";
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(WorkFluxAutoConfiguration.class));

  ApplicationContextRunner configured() {
    return runner.withPropertyValues(
        "workflux.client-id=client-abc",
        "workflux.client-secret=" + CLIENT_SECRET,
        "workflux.base-url=" + wm.baseUrl() + "/v1",
        "workflux.http.retry.max-attempts=1",
        "workflux.connectivity.timeout=20s");
  }

  void tokenAndAgents(int agentsStatus) {
    wm.stubFor(
        post("/v1/auth/token")
            .willReturn(okJson("{\"access_token\":\"tok-ac\",\"expires_in\":3600}")));
    wm.stubFor(
        get("/v1/agents?limit=1")
            .willReturn(aResponse().withStatus(agentsStatus).withBody("{\"data\":[]}")));
  }

  @Test
  void providesAClientFromTheProperties() {
    configured()
        .withPropertyValues(
            "workflux.http.read-timeout=12s",
            "workflux.token-skew=30s",
            "workflux.connectivity.timeout=2s")
        .run(
            context -> {
              assertThat(context).hasSingleBean(WorkFluxClient.class);
              assertThat(context).doesNotHaveBean(WebhookVerifier.class);
              assertThat(context).doesNotHaveBean(WorkFluxWebhookSubscriber.class);
              WorkFluxProperties p = context.getBean(WorkFluxProperties.class);
              assertThat(p.http().readTimeout()).isEqualTo(Duration.ofSeconds(12));
              assertThat(p.tokenSkew()).isEqualTo(Duration.ofSeconds(30));
              assertThat(p.connectivity().timeout()).isEqualTo(Duration.ofSeconds(2));
              assertThat(p.webhook().tolerance()).isEqualTo(Duration.ofMinutes(5));
              assertThat(p.webhook().scheme())
                  .isEqualTo(WorkFluxProperties.Scheme.STANDARD_WEBHOOKS);
              assertThat(p.webhook().subscribeOnStartup().events())
                  .containsExactly(
                      "conversation.started", "conversation.completed", "agent.response");
              assertThat(p.toString()).doesNotContain(CLIENT_SECRET);
              assertThat(context.getBean(WorkFluxClient.class).toString())
                  .doesNotContain(CLIENT_SECRET);
            });
    runner
        .withPropertyValues("workflux.client-id=a", "workflux.client-secret=b")
        .run(
            context ->
                assertThat(context.getBean(WorkFluxProperties.class).baseUrl())
                    .isEqualTo("https://api.workflux.ai/v1"));
  }

  @Test
  void usesTheApplicationsRestClientBuilderWhenThereIsOne() {
    int[] built = {0};
    configured()
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
              assertThat(context).hasSingleBean(WorkFluxClient.class);
              // asked for on the first call, not at startup
              assertThat(built[0]).isZero();
              context.getBean(WorkFluxClient.class).checkConnectivity();
              assertThat(built[0]).isBetween(1, 2);
            });
  }

  @Test
  void backsOffForTheUsersOwnClient() {
    WorkFluxClient own = WorkFluxClient.builder().clientId("mine").clientSecret("s").build();
    configured()
        .withBean(WorkFluxClient.class, () -> own)
        .run(context -> assertThat(context.getBean(WorkFluxClient.class)).isSameAs(own));
  }

  @Test
  void failsWithoutClientIdOrSecretNamingTheProperty() {
    runner
        .withPropertyValues("workflux.client-secret=s")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("workflux.client-id"));
    runner
        .withPropertyValues("workflux.client-id=c")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("workflux.client-secret"));
  }

  @Test
  void withAValidatorWrongClientValuesFailBindingWithTheClientsMessages() {
    configured()
        .withPropertyValues(
            "workflux.base-url=ftp://api.workflux.ai/v1",
            "workflux.token-skew=-1s",
            "workflux.connectivity.timeout=0s",
            "workflux.http.read-timeout=0s")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .hasRootCauseInstanceOf(BindValidationException.class)
                  .rootCause()
                  .hasMessageContainingAll(
                      "baseUrl",
                      "must be an absolute https URL such as https://api.example.com, was:"
                          + " ftp://api.workflux.ai/v1",
                      "tokenSkew",
                      "must be zero or more",
                      "connectivity.timeout",
                      "http.readTimeout",
                      "must be positive");
            });
  }

  @Test
  void withoutAValidatorTheClientsOwnChecksStillStopStartup() {
    configured()
        .withClassLoader(new FilteredClassLoader("jakarta.validation"))
        .withPropertyValues("workflux.connectivity.timeout=0s")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("connectivity timeout must be positive");
            });
  }

  @Test
  void aStandardWebhooksVerifierAcceptsTheSecretAndThePreviousOnes() {
    byte[] body = "{\"type\":\"agent.response\"}".getBytes(StandardCharsets.UTF_8);
    configured()
        .withPropertyValues(
            "workflux.webhook.secret=" + WEBHOOK_SECRET,
            "workflux.webhook.previous-secrets=old-one,older-one",
            "workflux.webhook.tolerance=1m")
        .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
        .run(
            context -> {
              WebhookVerifier verifier = context.getBean(WebhookVerifier.class);
              assertThat(verifier).isInstanceOf(StandardWebhooks.class);
              for (String secret : List.of(WEBHOOK_SECRET, "old-one", "older-one")) {
                Map<String, String> h = WorkFluxWebhookSigner.of(secret).sign("m", NOW, body);
                assertThat(verifier.verify(WebhookHeaders.ofSingle(h), body).valid())
                    .as(secret)
                    .isTrue();
              }
              Map<String, String> late =
                  WorkFluxWebhookSigner.of(WEBHOOK_SECRET).sign("m", NOW.minusSeconds(61), body);
              assertThat(verifier.verify(WebhookHeaders.ofSingle(late), body).valid()).isFalse();
              assertThat(verifier.toString()).doesNotContain(WEBHOOK_SECRET);
            });
  }

  @Test
  void theHexHmacSchemeReadsTheConfiguredHeader() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    configured()
        .withPropertyValues(
            "workflux.webhook.secret=" + WEBHOOK_SECRET,
            "workflux.webhook.scheme=hex-hmac",
            "workflux.webhook.signature-header=X-Hub-Signature")
        .run(
            context -> {
              WebhookVerifier verifier = context.getBean(WebhookVerifier.class);
              assertThat(verifier).isInstanceOf(HexHmacVerifier.class);
              String sig = WorkFluxWebhookSigner.of(WEBHOOK_SECRET).hexSignature(body);
              assertThat(
                      verifier
                          .verify(WebhookHeaders.ofSingle(Map.of("x-hub-signature", sig)), body)
                          .valid())
                  .isTrue();
            });
  }

  @Test
  void subscribesAtStartupWhenNoSubscriptionForTheUrlExists(CapturedOutput output) {
    tokenAndAgents(200);
    wm.stubFor(
        get("/v1/webhooks")
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"w0\",\"url\":\"https://other.example/hook\","
                        + "\"events\":[\"agent.response\"]}]}")));
    wm.stubFor(
        post("/v1/webhooks")
            .willReturn(
                okJson(
                    "{\"id\":\"w1\",\"url\":\"https://app.example/webhooks/workflux\","
                        + "\"events\":[\"conversation.completed\"],\"status\":\"active\"}")));

    configured()
        .withPropertyValues(
            "workflux.webhook.secret=" + WEBHOOK_SECRET,
            "workflux.webhook.subscribe-on-startup.url=https://app.example/webhooks/workflux",
            "workflux.webhook.subscribe-on-startup.events=conversation.completed")
        .run(
            context -> {
              WorkFluxWebhookSubscriber subscriber =
                  context.getBean(WorkFluxWebhookSubscriber.class);
              assertThat(subscriber.subscription()).get().extracting("id").isEqualTo("w1");
            });

    wm.verify(
        postRequestedFor(urlEqualTo("/v1/webhooks"))
            .withRequestBody(
                equalToJson(
                    "{\"url\":\"https://app.example/webhooks/workflux\","
                        + "\"events\":[\"conversation.completed\"],\"secret\":\""
                        + WEBHOOK_SECRET
                        + "\"}")));
    assertThat(output.getAll())
        .contains("Subscribed https://app.example/webhooks/workflux")
        .doesNotContain(WEBHOOK_SECRET)
        .doesNotContain(CLIENT_SECRET);
  }

  @Test
  void reusesAnExistingSubscriptionForTheSameUrlSoARestartNeverDuplicatesIt() {
    tokenAndAgents(200);
    wm.stubFor(
        get("/v1/webhooks")
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"w7\",\"url\":\"https://app.example/webhooks/workflux/\","
                        + "\"events\":[\"conversation.started\",\"conversation.completed\","
                        + "\"agent.response\"],\"status\":\"active\"}]}")));

    configured()
        .withPropertyValues(
            "workflux.webhook.secret=" + WEBHOOK_SECRET,
            "workflux.webhook.subscribe-on-startup.url=https://app.example/webhooks/workflux")
        .run(
            context ->
                assertThat(context.getBean(WorkFluxWebhookSubscriber.class).subscription())
                    .get()
                    .extracting("id")
                    .isEqualTo("w7"));

    wm.verify(0, postRequestedFor(urlEqualTo("/v1/webhooks")));
  }

  @Test
  void aFailingSubscriptionIsLoggedWithoutStoppingTheApplication(CapturedOutput output) {
    tokenAndAgents(200);
    wm.stubFor(get("/v1/webhooks").willReturn(aResponse().withStatus(403)));

    configured()
        .withPropertyValues(
            "workflux.webhook.secret=" + WEBHOOK_SECRET,
            "workflux.webhook.subscribe-on-startup.url=https://app.example/hook")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(WorkFluxWebhookSubscriber.class).subscription()).isEmpty();
            });
    assertThat(output.getAll()).contains("Could not subscribe https://app.example/hook");
  }

  @Test
  void subscribingWithoutASecretFailsNamingTheProperty() {
    configured()
        .withPropertyValues("workflux.webhook.subscribe-on-startup.url=https://app.example/hook")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("workflux.webhook.secret"));
  }

  // --- health, on whichever Boot line the build runs ---

  static Class<?> healthIndicatorType() {
    for (String name :
        List.of(
            "org.springframework.boot.health.contributor.HealthIndicator",
            "org.springframework.boot.actuate.health.HealthIndicator")) {
      try {
        return Class.forName(name);
      } catch (ClassNotFoundException absent) {
        // the other line
      }
    }
    throw new AssertionError("Actuator is on the test classpath of both lines");
  }

  static Object health(ApplicationContext context) throws Exception {
    Object indicator = context.getBean(WorkFluxAutoConfiguration.HEALTH_BEAN);
    Object health = healthIndicatorType().getMethod("health").invoke(indicator);
    return health;
  }

  static String status(Object health) throws Exception {
    Object status = health.getClass().getMethod("getStatus").invoke(health);
    return (String) status.getClass().getMethod("getCode").invoke(status);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> details(Object health) throws Exception {
    Method m = health.getClass().getMethod("getDetails");
    return (Map<String, Object>) m.invoke(health);
  }

  @Test
  void theHealthContributorIsUpWhenWorkFluxAnswers() {
    tokenAndAgents(200);
    configured()
        .run(
            context -> {
              assertThat(context.getBeanNamesForType(healthIndicatorType()))
                  .containsExactly(WorkFluxAutoConfiguration.HEALTH_BEAN);
              Object health = health(context);
              assertThat(status(health)).isEqualTo("UP");
              assertThat(details(health))
                  .containsKeys("latencyMs", "checkedAt")
                  .containsEntry("detail", "GET /agents answered 200");
              // the default methods of the interface reach the same check
              Object indicator = context.getBean(WorkFluxAutoConfiguration.HEALTH_BEAN);
              Method withDetails = findBooleanMethod(healthIndicatorType());
              Object viaDefault = withDetails.invoke(indicator, false);
              assertThat(status(viaDefault)).isEqualTo("UP");
            });
    wm.verify(
        getRequestedFor(urlEqualTo("/v1/agents?limit=1"))
            .withHeader("Authorization", equalTo("Bearer tok-ac")));
  }

  static Method findBooleanMethod(Class<?> type) {
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == boolean.class) {
        return m;
      }
    }
    throw new AssertionError("HealthIndicator has a method taking includeDetails");
  }

  @Test
  void theHealthContributorIsDownWhenTheCredentialsAreRefused() {
    wm.stubFor(
        post("/v1/auth/token")
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"invalid client\"}")));
    configured()
        .run(
            context -> {
              Object health = health(context);
              assertThat(status(health)).isEqualTo("DOWN");
              assertThat((String) details(health).get("detail"))
                  .contains("invalid client")
                  .doesNotContain(CLIENT_SECRET);
            });
  }

  @Test
  void theHealthContributorCanBeTurnedOff() {
    configured()
        .withPropertyValues("management.health.workflux.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(WorkFluxAutoConfiguration.HEALTH_BEAN));
  }

  @Test
  void theHealthContributorIsOffWhateverTheCaseOfFalse() {
    configured()
        .withPropertyValues("management.health.workflux.enabled=FALSE")
        .run(context -> assertThat(context).doesNotHaveBean(WorkFluxAutoConfiguration.HEALTH_BEAN));
  }

  @Test
  void withoutActuatorThereIsNoHealthContributorAndTheClientStillStarts() {
    configured()
        .withClassLoader(
            new FilteredClassLoader(
                "org.springframework.boot.actuate.health", "org.springframework.boot.health"))
        .run(
            context -> {
              assertThat(context).hasSingleBean(WorkFluxClient.class);
              assertThat(context).doesNotHaveBean(WorkFluxAutoConfiguration.HEALTH_BEAN);
            });
  }

  @Test
  void anApplicationBeanOfTheHealthContributorsNameIsKept() {
    configured()
        .withBean(WorkFluxAutoConfiguration.HEALTH_BEAN, String.class, () -> "the application's")
        .run(
            context ->
                assertThat(context.getBean(WorkFluxAutoConfiguration.HEALTH_BEAN))
                    .isEqualTo("the application's"));
  }

  @Test
  void startingTheApplicationCallsNothingAndTheFirstCallFetchesTheToken() {
    tokenAndAgents(200);
    configured()
        .run(
            context -> {
              wm.verify(0, postRequestedFor(urlEqualTo("/v1/auth/token")));
              assertThat(context.getBean(WorkFluxClient.class).checkConnectivity().up()).isTrue();
              wm.verify(1, postRequestedFor(urlEqualTo("/v1/auth/token")));
            });
  }

  @Test
  void everyPropertyIsInTheConfigurationReference() {
    dev.switchboard.core.testing.ConfigurationDocs.assertEveryPropertyDocumented();
  }

  @Test
  void theDefaultsInTheMetadataAreTheBoundOnes() {
    dev.switchboard.core.testing.ConfigurationDocs.assertMetadataDefaultsAreBound(
        "workflux", WorkFluxProperties.class);
  }

  @Test
  void everyPropertyHasADescriptionAndDocumentedDefaults() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata =
        Json.mapper()
            .readValue(
                getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json"),
                Map.class);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
    assertThat(properties)
        .isNotEmpty()
        .allSatisfy(
            p -> assertThat((String) p.get("description")).as((String) p.get("name")).isNotBlank());
    assertThat(properties)
        .extracting(p -> p.get("name"))
        .contains(
            "workflux.client-id",
            "workflux.client-secret",
            "workflux.base-url",
            "workflux.webhook.secret",
            "workflux.webhook.subscribe-on-startup.url",
            "workflux.webhook.enabled",
            "workflux.webhook.path",
            "workflux.webhook.allow-unauthenticated",
            "workflux.webhook.max-body-size",
            "workflux.http.retry.max-attempts",
            "management.health.workflux.enabled");
    assertThat(properties)
        .filteredOn(p -> p.get("name").equals("workflux.base-url"))
        .singleElement()
        .satisfies(p -> assertThat(p.get("defaultValue")).isEqualTo("https://api.workflux.ai/v1"));
    assertThat(properties)
        .filteredOn(p -> p.get("name").equals("workflux.webhook.tolerance"))
        .singleElement()
        .satisfies(p -> assertThat(p.get("defaultValue")).isEqualTo("5m"));
    assertThat(properties)
        .filteredOn(p -> p.get("name").equals("workflux.webhook.path"))
        .singleElement()
        .satisfies(p -> assertThat(p.get("defaultValue")).isEqualTo("/webhooks/workflux"));
  }
}
