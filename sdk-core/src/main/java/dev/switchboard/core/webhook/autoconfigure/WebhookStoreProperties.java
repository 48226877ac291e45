package dev.switchboard.core.webhook.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How webhook receivers remember handled deliveries ({@code switchboard.webhook.store.*}). */
@ConfigurationProperties("switchboard.webhook.store")
public class WebhookStoreProperties {

  /** Where handled deliveries are remembered. */
  public enum Type {
    /** In this application instance's memory (the default). */
    MEMORY,
    /** In a database table shared by every instance; needs a DataSource bean and spring-jdbc. */
    JDBC
  }

  /**
   * Where handled deliveries are remembered: 'memory' (one instance) or 'jdbc' (a table shared by
   * every instance; needs a DataSource bean).
   */
  private Type type = Type.MEMORY;

  /**
   * How long a handled delivery is remembered, so that the platform's retries are not handled
   * twice.
   */
  private Duration timeToLive = Duration.ofHours(24);

  /**
   * How long a delivery being handled blocks its duplicates (answered 409) before another attempt
   * may take it over, should the instance handling it have died. Longer than your slowest listener.
   */
  private Duration leaseTimeout = Duration.ofMinutes(5);

  /**
   * How many deliveries the in-memory store remembers at most. Past it, the handled delivery
   * remembered longest is forgotten (logged at WARN; a resend of it would be published again); one
   * in progress never is: when all are in progress, new deliveries are answered 503.
   */
  private int maxEntries = 10_000;

  /** Settings of the 'jdbc' store. */
  private final Jdbc jdbc = new Jdbc();

  /**
   * Returns the store type.
   *
   * @return the type
   */
  public Type getType() {
    return type;
  }

  /**
   * Sets the store type.
   *
   * @param type the type
   */
  public void setType(Type type) {
    this.type = type;
  }

  /**
   * Returns how long handled deliveries are remembered.
   *
   * @return the time-to-live
   */
  public Duration getTimeToLive() {
    return timeToLive;
  }

  /**
   * Sets how long handled deliveries are remembered.
   *
   * @param timeToLive the time-to-live
   */
  public void setTimeToLive(Duration timeToLive) {
    this.timeToLive = timeToLive;
  }

  /**
   * Returns the lease time-out.
   *
   * @return the lease time-out
   */
  public Duration getLeaseTimeout() {
    return leaseTimeout;
  }

  /**
   * Sets the lease time-out.
   *
   * @param leaseTimeout the lease time-out
   */
  public void setLeaseTimeout(Duration leaseTimeout) {
    this.leaseTimeout = leaseTimeout;
  }

  /**
   * Returns the in-memory store's bound.
   *
   * @return the bound
   */
  public int getMaxEntries() {
    return maxEntries;
  }

  /**
   * Sets the in-memory store's bound.
   *
   * @param maxEntries the bound
   */
  public void setMaxEntries(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /**
   * Returns the JDBC settings.
   *
   * @return the JDBC settings
   */
  public Jdbc getJdbc() {
    return jdbc;
  }

  /** Settings of the JDBC delivery store. */
  public static class Jdbc {

    /**
     * Whether to create the switchboard_webhook_delivery table and its index at startup when they
     * are missing (from dev/switchboard/core/webhook/delivery-store-schema-postgresql.sql, -h2.sql,
     * or the portable delivery-store-schema.sql in sdk-core's jar). Safe when several instances
     * start at once. Leave off when a migration tool creates it.
     */
    private boolean initializeSchema = false;

    /**
     * Returns whether the table is created at startup.
     *
     * @return whether
     */
    public boolean isInitializeSchema() {
      return initializeSchema;
    }

    /**
     * Sets whether the table is created at startup.
     *
     * @param initializeSchema whether
     */
    public void setInitializeSchema(boolean initializeSchema) {
      this.initializeSchema = initializeSchema;
    }
  }
}
