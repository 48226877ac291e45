package dev.switchboard.quickstart;

import dev.switchboard.sandbox.FailureInjection;
import dev.switchboard.sandbox.Sandbox;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Starts the Switchboard sandbox inside the application unless the {@code live} profile is active,
 * and points the application at it: the Futwork and WorkFlux base URLs, fresh credentials and
 * webhook secrets, as properties the application reads like any other. The sandbox posts each
 * call's outcome (and, for answered campaign calls, the Flowforge conversation) back to this
 * application's own receivers, on the port the server got, to the URL a user pastes into the
 * platforms' dashboards: the receiver's path with the webhook secret as its {@code token}.
 */
public class EmbeddedSandbox
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The property that tells the report which sandbox is in use. */
  static final String SANDBOX_URL = "quickstart.sandbox.url";

  /** Creates the initializer. */
  public EmbeddedSandbox() {}

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (environment.acceptsProfiles(Profiles.of("live"))) {
      return;
    }
    String apiKey = random();
    String webhookSecret = random();
    String flowforgeSecret = random();
    String workfluxClientSecret = random();
    String workfluxWebhookSecret = random();
    String callbackPath = environment.getProperty("quickstart.sandbox.callback-path");
    String flowforgePath = environment.getProperty("flowforge.webhook.path", "/webhooks/flowforge");
    Sandbox sandbox =
        Sandbox.builder()
            .seed(environment.getProperty("quickstart.sandbox.seed", Long.class, 42L))
            .futworkApiKey(apiKey)
            // as the platforms' dashboards are configured: the URL, with the secret as its token
            .futworkCallbackUrl(() -> callbackUrl(environment, callbackPath, webhookSecret))
            .flowforgeCallbackUrl(() -> callbackUrl(environment, flowforgePath, flowforgeSecret))
            .workfluxCredentials("quickstart", workfluxClientSecret)
            .callDelay(
                duration(environment, "quickstart.sandbox.call-delay-min", "1s"),
                duration(environment, "quickstart.sandbox.call-delay-max", "4s"))
            .failures(failures(environment.getProperty("quickstart.sandbox.failures", "none")))
            .start();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("futwork.api-key", apiKey);
    properties.put("futwork.webhook.secret", webhookSecret);
    properties.put("flowforge.webhook.secret", flowforgeSecret);
    properties.put("workflux.base-url", sandbox.workfluxBaseUrl());
    properties.put("workflux.client-id", "quickstart");
    properties.put("workflux.client-secret", workfluxClientSecret);
    properties.put("workflux.webhook.secret", workfluxWebhookSecret);
    properties.put("futwork.workflows.base-url", sandbox.futworkWorkflowsBaseUrl());
    properties.put("futwork.campaigns.base-url", sandbox.futworkCampaignsBaseUrl());
    properties.put(SANDBOX_URL, sandbox.baseUrl().toString());
    environment.getPropertySources().addFirst(new MapPropertySource("embeddedSandbox", properties));
    context.getBeanFactory().registerSingleton("embeddedSandbox", sandbox);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            sandbox.close();
          }
        });
  }

  private static URI callbackUrl(ConfigurableEnvironment environment, String path, String token) {
    return URI.create(
        "http://127.0.0.1:"
            + environment.getProperty("local.server.port")
            + path
            + "?token="
            + token);
  }

  private static FailureInjection failures(String name) {
    return switch (name) {
      case "none" -> FailureInjection.none();
      case "bad-day" -> FailureInjection.badDay();
      default ->
          throw new IllegalArgumentException(
              "quickstart.sandbox.failures must be none or bad-day, was " + name);
    };
  }

  private static Duration duration(ConfigurableEnvironment environment, String name, String def) {
    return Durations.parse(name, environment.getProperty(name, def));
  }

  private static String random() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
