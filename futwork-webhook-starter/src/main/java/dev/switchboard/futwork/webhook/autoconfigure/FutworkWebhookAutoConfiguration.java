package dev.switchboard.futwork.webhook.autoconfigure;

import dev.switchboard.core.Secret;
import dev.switchboard.core.webhook.IpAllowlist;
import dev.switchboard.core.webhook.WebhookAuthenticator;
import dev.switchboard.core.webhook.WebhookAuthenticators;
import dev.switchboard.core.webhook.WebhookConfigurationException;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.autoconfigure.WebhookAutoConfiguration;
import dev.switchboard.futwork.webhook.internal.FutworkPayloadParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Declares the Futwork post-call endpoint ({@code /webhooks/futwork} by default); sdk-core's {@link
 * WebhookAutoConfiguration} serves it. Refuses to start without authentication unless {@code
 * futwork.webhook.allow-unauthenticated=true}; {@code futwork.webhook.enabled=false} turns the
 * receiver off, and a bean named {@code futworkWebhookEndpoint} replaces it.
 */
@AutoConfiguration(before = WebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.handler.SimpleUrlHandlerMapping")
@ConditionalOnProperty(
    prefix = "futwork.webhook",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(FutworkWebhookProperties.class)
public class FutworkWebhookAutoConfiguration {

  /** The source name of Futwork deliveries in metrics, logs and the delivery store. */
  public static final String SOURCE = "futwork";

  /** Creates the configuration. */
  public FutworkWebhookAutoConfiguration() {}

  /**
   * The Futwork post-call endpoint.
   *
   * @param properties the receiver's settings
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean(name = "futworkWebhookEndpoint")
  public WebhookEndpoint futworkWebhookEndpoint(FutworkWebhookProperties properties) {
    return endpoint(properties);
  }

  static WebhookEndpoint endpoint(FutworkWebhookProperties p) {
    List<Secret> secrets =
        p.getSecret() == null
            ? List.of()
            : p.getSecret().stream().filter(Objects::nonNull).toList();
    List<WebhookAuthenticator> authenticators = new ArrayList<>();
    if (!secrets.isEmpty()) {
      authenticators.add(WebhookAuthenticators.headerSecret(p.getHeaderName(), secrets));
      if (p.getQueryTokenParameter() != null && !p.getQueryTokenParameter().isBlank()) {
        authenticators.add(WebhookAuthenticators.queryToken(p.getQueryTokenParameter(), secrets));
      }
    } else if (p.getQueryTokenParameter() != null && !p.getQueryTokenParameter().isBlank()) {
      throw new WebhookConfigurationException(
          "futwork.webhook.query-token-parameter is set but futwork.webhook.secret is not: set"
              + " futwork.webhook.secret to the token Futwork sends.");
    }
    FutworkWebhookProperties.Basic basic = p.getBasic();
    boolean hasUser = basic.getUsername() != null && !basic.getUsername().isBlank();
    if (hasUser != (basic.getPassword() != null)) {
      throw new WebhookConfigurationException(
          "HTTP Basic for Futwork webhooks needs both futwork.webhook.basic.username and"
              + " futwork.webhook.basic.password.");
    }
    if (hasUser) {
      authenticators.add(
          WebhookAuthenticators.basic(basic.getUsername(), List.of(basic.getPassword())));
    }
    WebhookEndpoint.Builder builder =
        WebhookEndpoint.builder(SOURCE, p.getPath(), new FutworkPayloadParser())
            .authenticator(
                authenticators.isEmpty() ? null : WebhookAuthenticators.anyOf(authenticators))
            .sensitiveHeaders(p.getHeaderName())
            .maxBodySize(p.getMaxBodySize().toBytes())
            .allowUnauthenticated(p.isAllowUnauthenticated())
            .configurationHints("futwork.webhook.secret", "futwork.webhook.allow-unauthenticated");
    if (p.getAllowlist() != null && !p.getAllowlist().isEmpty()) {
      builder.allowlist(IpAllowlist.of(p.getAllowlist(), p.getTrustedProxies()));
    }
    return builder.build();
  }
}
