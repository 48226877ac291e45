package dev.switchboard.flowforge.webhook.autoconfigure;

import dev.switchboard.core.webhook.SharedSecretReceiverProperties;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Flowforge receiver's settings ({@code flowforge.webhook.*}). Flowforge documents no
 * signature, so deliveries are authenticated like every unsigned platform's: a shared secret in a
 * header or the URL's query, or HTTP Basic. The inherited properties' descriptions are in this
 * module's {@code META-INF/additional-spring-configuration-metadata.json}.
 */
@ConfigurationProperties("flowforge.webhook")
public class FlowforgeWebhookProperties extends SharedSecretReceiverProperties {

  /** The default path Flowforge posts its webhooks to. */
  public static final String DEFAULT_PATH = "/webhooks/flowforge";

  /**
   * The time zone of Flowforge's zone-less created_at values (such as 2024-04-05 22:26:08).
   * ISO-8601 values with an offset are read as they are.
   */
  private ZoneId zone = ZoneId.of("UTC");

  /** Creates the settings with their defaults. */
  public FlowforgeWebhookProperties() {
    super(DEFAULT_PATH);
  }

  /**
   * Returns the zone of zone-less timestamps.
   *
   * @return the zone
   */
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Sets the zone of zone-less timestamps.
   *
   * @param zone the zone
   */
  public void setZone(ZoneId zone) {
    this.zone = zone;
  }
}
