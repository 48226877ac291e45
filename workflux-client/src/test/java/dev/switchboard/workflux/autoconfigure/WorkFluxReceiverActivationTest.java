package dev.switchboard.workflux.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.webhook.DeliveryStore;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.autoconfigure.WebhookAutoConfiguration;
import dev.switchboard.workflux.webhook.WebhookVerifier;
import dev.switchboard.workflux.webhook.WorkFluxWebhookAuthenticator;
import dev.switchboard.workflux.webhook.WorkFluxWebhookParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * When the WorkFlux receiver is active: only in a servlet web application with Spring MVC, and only
 * when the application asks for it, so an API-only application needs no webhook settings.
 */
@ExtendWith(OutputCaptureExtension.class)
class WorkFluxReceiverActivationTest {

  static final String SECRET = "whk_activation_4b3c2d1e";

  static final AutoConfigurations CONFIGURATIONS =
      AutoConfigurations.of(
          WorkFluxAutoConfiguration.class,
          WorkFluxWebhookAutoConfiguration.class,
          WebhookAutoConfiguration.class);

  static final String[] CLIENT = {"workflux.client-id=c1", "workflux.client-secret=cs_activation"};

  final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(CONFIGURATIONS)
          .withPropertyValues(CLIENT)
          .withPropertyValues("management.health.workflux.enabled=false");

  @Test
  void aWebApplicationWithoutWebhookSettingsHasNoReceiver() {
    web.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(WebhookEndpoint.class);
          assertThat(context).doesNotHaveBean(SimpleUrlHandlerMapping.class);
          assertThat(context).doesNotHaveBean(DeliveryStore.class);
          assertThat(context).doesNotHaveBean(WebhookVerifier.class);
        });
  }

  @Test
  void aSecretTurnsTheReceiverOnAtTheDefaultPath(CapturedOutput output) {
    web.withPropertyValues("workflux.webhook.secret=" + SECRET)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              WebhookEndpoint endpoint = context.getBean(WebhookEndpoint.class);
              assertThat(endpoint.source()).isEqualTo("workflux");
              assertThat(endpoint.path()).isEqualTo("/webhooks/workflux");
              assertThat(endpoint.parser()).isInstanceOf(WorkFluxWebhookParser.class);
              assertThat(endpoint.authenticator()).isInstanceOf(WorkFluxWebhookAuthenticator.class);
              assertThat(endpoint.maxBodySize()).isEqualTo(1024 * 1024);
              assertThat(endpoint.sensitiveHeaders())
                  .contains("webhook-signature", "x-workflux-signature", "Authorization");
              assertThat(context.getBean(SimpleUrlHandlerMapping.class).getUrlMap())
                  .containsOnlyKeys("/webhooks/workflux");
              assertThat(endpoint.authenticator().toString()).doesNotContain(SECRET);
            });
    assertThat(output.getAll()).doesNotContain(SECRET);
  }

  @Test
  void pathAndBodyLimitAreConfigurable() {
    web.withPropertyValues(
            "workflux.webhook.secret=" + SECRET,
            "workflux.webhook.path=/in/workflux",
            "workflux.webhook.max-body-size=64KB",
            "workflux.webhook.scheme=hex-hmac",
            "workflux.webhook.signature-header=X-Sig")
        .run(
            context -> {
              WebhookEndpoint endpoint = context.getBean(WebhookEndpoint.class);
              assertThat(endpoint.path()).isEqualTo("/in/workflux");
              assertThat(endpoint.maxBodySize()).isEqualTo(64 * 1024);
              assertThat(endpoint.sensitiveHeaders()).contains("X-Sig");
            });
  }

  @Test
  void enabledWithoutASecretRefusesToStartNamingTheProperties() {
    web.withPropertyValues("workflux.webhook.enabled=true")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("workflux.webhook.secret")
                  .hasMessageContaining("workflux.webhook.allow-unauthenticated=true");
            });
  }

  @Test
  void aPathOrPreviousSecretsWithoutASecretRefuseToStart() {
    for (String setting :
        new String[] {"workflux.webhook.path=/hooks/wf", "workflux.webhook.previous-secrets=old"}) {
      web.withPropertyValues(setting)
          .run(
              context ->
                  assertThat(context.getStartupFailure())
                      .as(setting)
                      .rootCause()
                      .hasMessageContaining("workflux.webhook.secret"));
    }
  }

  @Test
  void allowUnauthenticatedStartsWithoutAuthenticatorAndWarns(CapturedOutput output) {
    web.withPropertyValues("workflux.webhook.allow-unauthenticated=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(WebhookEndpoint.class).authenticator()).isNull();
            });
    assertThat(output.getAll()).containsOnlyOnce("accepts UNAUTHENTICATED deliveries");
  }

  @Test
  void enabledFalseTurnsItOffEvenWithASecret() {
    web.withPropertyValues("workflux.webhook.secret=" + SECRET, "workflux.webhook.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WebhookEndpoint.class);
              assertThat(context).hasSingleBean(WebhookVerifier.class);
            });
  }

  @Test
  void notAWebApplicationHasNoReceiver() {
    new ApplicationContextRunner()
        .withConfiguration(CONFIGURATIONS)
        .withPropertyValues(CLIENT)
        .withPropertyValues("workflux.webhook.secret=" + SECRET, "workflux.webhook.enabled=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WebhookEndpoint.class);
              assertThat(context).hasSingleBean(WebhookVerifier.class);
            });
  }

  @Test
  void withoutSpringMvcThereIsNoReceiver() {
    web.withClassLoader(new FilteredClassLoader(SimpleUrlHandlerMapping.class))
        .withPropertyValues("workflux.webhook.secret=" + SECRET)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WebhookEndpoint.class);
            });
  }

  @Test
  void aBeanNamedWorkfluxWebhookEndpointReplacesIt() {
    WebhookEndpoint own =
        WebhookEndpoint.builder(
                "workflux",
                "/own",
                r -> new ParsedDelivery<>(new Object(), r.delivery(r.bodySha256()), "x"))
            .allowUnauthenticated(true)
            .build();
    web.withPropertyValues("workflux.webhook.secret=" + SECRET)
        .withBean("workfluxWebhookEndpoint", WebhookEndpoint.class, () -> own)
        .run(
            context -> {
              assertThat(context.getBean(WebhookEndpoint.class)).isSameAs(own);
              assertThat(context.getBean(SimpleUrlHandlerMapping.class).getUrlMap())
                  .containsOnlyKeys("/own");
            });
  }

  @Test
  void theApplicationsOwnVerifierAuthenticates() {
    WebhookVerifier own =
        (headers, body) ->
            dev.switchboard.workflux.webhook.VerificationResult.valid(headers.first("x"), null);
    web.withPropertyValues("workflux.webhook.enabled=true")
        .withBean(WebhookVerifier.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(WebhookEndpoint.class).authenticator().toString())
                  .contains(own.toString());
            });
  }
}
