package dev.switchboard.futwork.webhook.autoconfigure;

import dev.switchboard.core.webhook.SharedSecretReceiverProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Futwork post-call receiver's settings ({@code futwork.webhook.*}): Futwork signs nothing, so
 * deliveries are authenticated with a shared secret, a query token or HTTP Basic, as every such
 * receiver of the SDK is. The properties' descriptions are in this module's {@code
 * META-INF/additional-spring-configuration-metadata.json}.
 */
@ConfigurationProperties("futwork.webhook")
public class FutworkWebhookProperties extends SharedSecretReceiverProperties {

  /** The default path Futwork posts both workflow and campaign post-call deliveries to. */
  public static final String DEFAULT_PATH = "/webhooks/futwork";

  /** Creates the settings with their defaults. */
  public FutworkWebhookProperties() {
    super(DEFAULT_PATH);
  }
}
