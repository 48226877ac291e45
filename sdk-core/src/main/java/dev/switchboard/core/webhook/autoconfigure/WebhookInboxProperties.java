package dev.switchboard.core.webhook.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhook receivers hand deliveries to listeners ({@code switchboard.webhook.mode}) and the
 * durable inbox's settings ({@code switchboard.webhook.inbox.*}).
 */
@ConfigurationProperties("switchboard.webhook")
public class WebhookInboxProperties {

  /** How deliveries reach the listeners. */
  public enum Mode {
    /** Published while the platform waits; the answer is 2xx only after every listener returned. */
    SYNC,
    /**
     * Stored in the database, answered 200, then dispatched with retries (needs the JDBC store).
     */
    INBOX
  }

  /**
   * How deliveries reach the listeners: 'sync' (published before the answer; a failing listener
   * makes the answer 500 and relies on the platform retrying) or 'inbox' (stored in the database
   * and answered 200, then dispatched with retries; needs switchboard.webhook.store.type=jdbc).
   */
  private Mode mode = Mode.SYNC;

  /** Settings of the durable inbox. */
  private final Inbox inbox = new Inbox();

  /**
   * Returns the mode.
   *
   * @return the mode
   */
  public Mode getMode() {
    return mode;
  }

  /**
   * Sets the mode.
   *
   * @param mode the mode
   */
  public void setMode(Mode mode) {
    this.mode = mode;
  }

  /**
   * Returns the inbox settings.
   *
   * @return the settings
   */
  public Inbox getInbox() {
    return inbox;
  }

  /** Settings of the durable inbox ({@code switchboard.webhook.inbox.*}). */
  public static class Inbox {

    /**
     * How many times a delivery's listeners run before it is marked dead (then replay it through
     * the WebhookInbox bean or the Actuator endpoint).
     */
    private int maxAttempts = 10;

    /**
     * How long the dispatcher waits after a delivery's first failed attempt; each further wait is
     * multiplied by backoff-multiplier.
     */
    private Duration initialBackoff = Duration.ofSeconds(10);

    /** By how much each wait between attempts grows. */
    private double backoffMultiplier = 2.0;

    /** The longest wait between two attempts. */
    private Duration maxBackoff = Duration.ofHours(1);

    /**
     * How long a dispatcher's claim on a delivery holds; should the instance die mid-listener,
     * another instance takes the delivery after this. Longer than your slowest listener.
     */
    private Duration leaseTimeout = Duration.ofMinutes(5);

    /**
     * How often an idle dispatcher looks for due deliveries (a delivery stored by this instance
     * wakes it at once).
     */
    private Duration pollInterval = Duration.ofSeconds(1);

    /** How many deliveries a dispatcher thread claims at once. */
    private int batchSize = 20;

    /** How many dispatcher threads this instance runs: how many listeners run at once. */
    private int threads = 2;

    /**
     * Whether this instance dispatches stored deliveries to its listeners; false for an instance
     * that only receives.
     */
    private boolean dispatch = true;

    /**
     * How long stopping the application waits for listeners still running; the deliveries of those
     * still running then are taken by another instance when their lease runs out.
     */
    private Duration shutdownTimeout = Duration.ofSeconds(10);

    /**
     * Returns the max attempts setting.
     *
     * @return the value
     */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the max attempts setting.
     *
     * @param maxAttempts the value
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * Returns the initial backoff setting.
     *
     * @return the value
     */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /**
     * Sets the initial backoff setting.
     *
     * @param initialBackoff the value
     */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /**
     * Returns the backoff multiplier setting.
     *
     * @return the value
     */
    public double getBackoffMultiplier() {
      return backoffMultiplier;
    }

    /**
     * Sets the backoff multiplier setting.
     *
     * @param backoffMultiplier the value
     */
    public void setBackoffMultiplier(double backoffMultiplier) {
      this.backoffMultiplier = backoffMultiplier;
    }

    /**
     * Returns the max backoff setting.
     *
     * @return the value
     */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets the max backoff setting.
     *
     * @param maxBackoff the value
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /**
     * Returns the lease timeout setting.
     *
     * @return the value
     */
    public Duration getLeaseTimeout() {
      return leaseTimeout;
    }

    /**
     * Sets the lease timeout setting.
     *
     * @param leaseTimeout the value
     */
    public void setLeaseTimeout(Duration leaseTimeout) {
      this.leaseTimeout = leaseTimeout;
    }

    /**
     * Returns the poll interval setting.
     *
     * @return the value
     */
    public Duration getPollInterval() {
      return pollInterval;
    }

    /**
     * Sets the poll interval setting.
     *
     * @param pollInterval the value
     */
    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }

    /**
     * Returns the batch size setting.
     *
     * @return the value
     */
    public int getBatchSize() {
      return batchSize;
    }

    /**
     * Sets the batch size setting.
     *
     * @param batchSize the value
     */
    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    /**
     * Returns the threads setting.
     *
     * @return the value
     */
    public int getThreads() {
      return threads;
    }

    /**
     * Sets the threads setting.
     *
     * @param threads the value
     */
    public void setThreads(int threads) {
      this.threads = threads;
    }

    /**
     * Returns the dispatch setting.
     *
     * @return the value
     */
    public boolean isDispatch() {
      return dispatch;
    }

    /**
     * Sets the dispatch setting.
     *
     * @param dispatch the value
     */
    public void setDispatch(boolean dispatch) {
      this.dispatch = dispatch;
    }

    /**
     * Returns the shutdown timeout setting.
     *
     * @return the value
     */
    public Duration getShutdownTimeout() {
      return shutdownTimeout;
    }

    /**
     * Sets the shutdown timeout setting.
     *
     * @param shutdownTimeout the value
     */
    public void setShutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
    }
  }
}
