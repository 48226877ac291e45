package dev.switchboard.benchmarks.floor;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The floor's five properties records. They are bound to the SDK's own prefixes so that the floor
 * reads the same arguments as the SDK; no application has both.
 */
public final class FloorProperties {

  private FloorProperties() {}

  /**
   * Stands in for the Flowforge receiver's properties.
   *
   * @param secret the shared secret
   * @param path the path
   * @param events the events published
   */
  @ConfigurationProperties("flowforge.webhook")
  public record Flowforge(String secret, String path, List<String> events) {
    /** Applies the defaults. */
    public Flowforge {
      path = path == null ? "/webhooks/flowforge" : path;
      events = events == null ? List.of() : events;
    }
  }

  /**
   * Stands in for the Futwork receiver's properties.
   *
   * @param secret the shared secret
   * @param path the path
   * @param events the events published
   */
  @ConfigurationProperties("futwork.webhook")
  public record FutworkWebhook(String secret, String path, List<String> events) {
    /** Applies the defaults. */
    public FutworkWebhook {
      path = path == null ? "/webhooks/futwork" : path;
      events = events == null ? List.of() : events;
    }
  }

  /**
   * Stands in for the WorkFlux client's and receiver's properties.
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param tokenSkew how early a token is renewed
   * @param webhook the receiver's part
   */
  @ConfigurationProperties("workflux")
  public record WorkFlux(
      String clientId, String clientSecret, Duration tokenSkew, Webhook webhook) {
    /** Applies the defaults. */
    public WorkFlux {
      tokenSkew = tokenSkew == null ? Duration.ofSeconds(30) : tokenSkew;
      webhook = webhook == null ? new Webhook(null, null, null) : webhook;
    }

    /**
     * The receiver's part.
     *
     * @param secret the signing secret
     * @param path the path
     * @param tolerance the timestamp tolerance
     */
    public record Webhook(String secret, String path, Duration tolerance) {
      /** Applies the defaults. */
      public Webhook {
        path = path == null ? "/webhooks/workflux" : path;
        tolerance = tolerance == null ? Duration.ofMinutes(5) : tolerance;
      }
    }
  }

  /**
   * Stands in for the delivery store's properties.
   *
   * @param type the store's type
   * @param retention how long a delivery is remembered
   */
  @ConfigurationProperties("switchboard.webhook.store")
  public record Store(String type, Duration retention) {
    /** Applies the defaults. */
    public Store {
      type = type == null ? "memory" : type;
      retention = retention == null ? Duration.ofHours(24) : retention;
    }
  }

  /**
   * Stands in for the lead client's properties.
   *
   * @param apiKey the API key
   * @param timeout the read time-out
   * @param concurrency the bulk concurrency
   */
  @ConfigurationProperties("futwork")
  public record FutworkClient(String apiKey, Duration timeout, Integer concurrency) {
    /** Applies the defaults. */
    public FutworkClient {
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
      concurrency = concurrency == null ? 8 : concurrency;
    }
  }
}
