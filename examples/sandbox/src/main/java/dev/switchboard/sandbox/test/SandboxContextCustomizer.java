package dev.switchboard.sandbox.test;

import dev.switchboard.sandbox.FailureInjection;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.internal.Modules;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the sandbox for one test context and puts the SDK's properties first in its environment. A
 * record, so that two test classes with the same attributes share the cached context.
 */
record SandboxContextCustomizer(
    long seed, long minCallDelayMillis, long maxCallDelayMillis, boolean badDay)
    implements ContextCustomizer {

  /** The name of the property source and of the sandbox bean. */
  static final String NAME = "switchboardSandbox";

  private static final Logger log = LoggerFactory.getLogger(SandboxContextCustomizer.class);

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    ConfigurableEnvironment environment = context.getEnvironment();
    String apiKey = random();
    String futworkSecret = random();
    String flowforgeSecret = random();
    String workfluxClientSecret = random();
    Sandbox.Builder builder =
        Sandbox.builder()
            .seed(seed)
            .futworkApiKey(apiKey)
            .workfluxCredentials("sandbox-client", workfluxClientSecret)
            .callDelay(Duration.ofMillis(minCallDelayMillis), Duration.ofMillis(maxCallDelayMillis))
            .failures(badDay ? FailureInjection.badDay() : FailureInjection.none());
    if (Modules.present(Modules.FUTWORK)) {
      builder
          .futworkCallbackUrl(ownUrl(environment, "futwork.webhook.path", "/webhooks/futwork"))
          .futworkWebhookSecret(futworkSecret)
          .futworkWebhookHeader(
              environment.getProperty("futwork.webhook.header-name", "X-Webhook-Secret"));
    }
    if (Modules.present(Modules.FLOWFORGE)) {
      builder
          .flowforgeCallbackUrl(
              ownUrl(environment, "flowforge.webhook.path", "/webhooks/flowforge"))
          .flowforgeHeader(
              environment.getProperty("flowforge.webhook.header-name", "X-Webhook-Secret"),
              flowforgeSecret);
    }
    Sandbox sandbox = builder.start();

    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("futwork.api-key", apiKey);
    properties.put("futwork.workflows.base-url", sandbox.futworkWorkflowsBaseUrl());
    properties.put("futwork.campaigns.base-url", sandbox.futworkCampaignsBaseUrl());
    properties.put("futwork.webhook.secret", futworkSecret);
    properties.put("flowforge.webhook.secret", flowforgeSecret);
    properties.put("workflux.base-url", sandbox.workfluxBaseUrl());
    properties.put("workflux.client-id", "sandbox-client");
    properties.put("workflux.client-secret", workfluxClientSecret);
    properties.put("workflux.webhook.secret", random());
    environment.getPropertySources().addFirst(new MapPropertySource(NAME, properties));
    context.getBeanFactory().registerSingleton(NAME, sandbox);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent closed
              && closed.getApplicationContext() == context) {
            sandbox.close();
          }
        });
  }

  /** This application's own receiver, on the port its server got: known only once it started. */
  private static Supplier<URI> ownUrl(
      ConfigurableEnvironment environment, String pathProperty, String defaultPath) {
    return () -> {
      String port = environment.getProperty("local.server.port");
      if (port == null) {
        log.warn(
            "The sandbox delivers to this application's own {}, but the test has no server port:"
                + " use @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)",
            pathProperty);
        return null;
      }
      return URI.create(
          "http://127.0.0.1:" + port + environment.getProperty(pathProperty, defaultPath));
    };
  }

  private static String random() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
