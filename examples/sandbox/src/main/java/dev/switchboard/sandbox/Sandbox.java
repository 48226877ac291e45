package dev.switchboard.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.core.Secret;
import dev.switchboard.sandbox.internal.Chaos;
import dev.switchboard.sandbox.internal.Deliverer;
import dev.switchboard.sandbox.internal.FlowforgeApi;
import dev.switchboard.sandbox.internal.FutworkApi;
import dev.switchboard.sandbox.internal.Modules;
import dev.switchboard.sandbox.internal.Settings;
import dev.switchboard.sandbox.internal.Sleeper;
import dev.switchboard.sandbox.internal.WorkFluxApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local fake of the three platforms on the JDK's HTTP server, for trying an integration with no
 * account and no network:
 *
 * <ul>
 *   <li>Futwork: {@code POST /omni/api/workflows/{id}/leads} and {@code POST
 *       /platform/api/campaigns/{id}/leads}, checking {@code x-api-key} and the fields; each
 *       accepted lead is "called" and its post-call delivery posted to the callback URL.
 *   <li>Flowforge: captured-form, captured-intent and conversation-closed deliveries for campaign
 *       calls, and on {@code POST /flowforge/conversations}.
 *   <li>WorkFlux: {@code /workflux/v1}: token, agents, conversations, webhook subscriptions and
 *       Standard-Webhooks-signed events.
 * </ul>
 *
 * <p>Everything random (dispositions, durations, ids, injected failures) comes from one seed, so a
 * run can be reproduced. Start it with {@link #builder()}; {@link #close()} stops it.
 */
public final class Sandbox implements AutoCloseable {

  /** Where the Futwork Workflows API lives: set {@code futwork.workflows.base-url} to this. */
  public static final String WORKFLOWS_PREFIX = "/omni/api";

  /** Where the Futwork AI Platform API lives: set {@code futwork.campaigns.base-url} to this. */
  public static final String CAMPAIGNS_PREFIX = "/platform/api";

  /** Where the WorkFlux API lives. */
  public static final String WORKFLUX_PREFIX = "/workflux/v1";

  /** Where the Flowforge trigger lives. */
  public static final String FLOWFORGE_PREFIX = "/flowforge";

  private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

  private final HttpServer server;
  private final ExecutorService handlers;
  private final Deliverer deliverer;
  private final FutworkApi futwork;
  private final WorkFluxApi workflux;
  private final URI baseUrl;

  private Sandbox(Settings settings) {
    if (settings.futworkCallback() != null) {
      Modules.require(Modules.FUTWORK, "Futwork post-call deliveries");
    }
    if (settings.flowforgeCallback() != null) {
      Modules.require(Modules.FLOWFORGE, "Flowforge deliveries");
    }
    this.deliverer = new Deliverer(settings);
    Chaos chaos = new Chaos(settings.seed(), settings.failures(), settings.sleeper());
    FlowforgeApi flowforge = new FlowforgeApi(settings, chaos, deliverer);
    this.futwork = new FutworkApi(settings, chaos, deliverer, flowforge);
    this.workflux = new WorkFluxApi(settings, chaos, deliverer);
    try {
      this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
    } catch (IOException e) {
      deliverer.close();
      throw new UncheckedIOException(
          "Could not start the sandbox on " + settings.host() + ":" + settings.port(), e);
    }
    this.handlers = Executors.newCachedThreadPool(daemons("sandbox-http-"));
    server.setExecutor(handlers);
    server.createContext(WORKFLOWS_PREFIX + "/", futwork::handleWorkflows);
    server.createContext(CAMPAIGNS_PREFIX + "/", futwork::handleCampaigns);
    server.createContext(WORKFLUX_PREFIX + "/", workflux::handle);
    server.createContext(FLOWFORGE_PREFIX + "/", flowforge::handle);
    server.createContext("/", FutworkApi::notFound);
    server.start();
    this.baseUrl =
        URI.create("http://" + hostForUrl(settings.host()) + ":" + server.getAddress().getPort());
    log.info("Sandbox listening on {}", baseUrl);
  }

  /**
   * Starts a builder.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the sandbox's address.
   *
   * @return {@code http://host:port}
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the port the sandbox listens on (useful with port 0).
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns the base URL to give a client for Futwork Workflows ({@code
   * futwork.workflows.base-url}).
   *
   * @return {@code http://host:port/omni/api}
   */
  public String futworkWorkflowsBaseUrl() {
    return baseUrl + WORKFLOWS_PREFIX;
  }

  /**
   * Returns the base URL to give a client for the Futwork AI Platform ({@code
   * futwork.campaigns.base-url}).
   *
   * @return {@code http://host:port/platform/api}
   */
  public String futworkCampaignsBaseUrl() {
    return baseUrl + CAMPAIGNS_PREFIX;
  }

  /**
   * Returns the base URL to give a WorkFlux client.
   *
   * @return {@code http://host:port/workflux/v1}
   */
  public String workfluxBaseUrl() {
    return baseUrl + WORKFLUX_PREFIX;
  }

  /**
   * Returns how many Futwork leads were accepted so far.
   *
   * @return the count
   */
  public int acceptedLeads() {
    return futwork.acceptedLeads();
  }

  /**
   * Returns every delivery attempt so far, oldest first.
   *
   * @return a copy of the log
   */
  public List<DeliveryAttempt> deliveryAttempts() {
    return deliverer.attempts();
  }

  /**
   * Returns whether every delivery scheduled so far has ended (delivered or given up).
   *
   * @return {@code true} when nothing is scheduled or in flight
   */
  public boolean idle() {
    return deliverer.idle();
  }

  /** Stops the server and drops the deliveries not yet sent. */
  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    deliverer.close();
    log.info("Sandbox on {} stopped", baseUrl);
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Configures a sandbox. Every setting has a default, so {@code Sandbox.builder().start()} runs:
   * API key {@code sandbox-api-key}, WorkFlux client {@code sandbox-client} / {@code
   * sandbox-secret}, seed 42, calls lasting 1 to 3 seconds, no failures, and no callback URL (leads
   * are accepted, but no post-call delivery is sent).
   */
  public static final class Builder {

    private String host = "127.0.0.1";
    private int port = 0;
    private long seed = 42;
    private Secret futworkApiKey = Secret.of("sandbox-api-key");
    private Supplier<URI> futworkCallback;
    private Secret futworkWebhookSecret;
    private String futworkWebhookHeader = "X-Webhook-Secret";
    private Duration callDelayMin = Duration.ofSeconds(1);
    private Duration callDelayMax = Duration.ofSeconds(3);
    private Supplier<URI> flowforgeCallback;
    private String flowforgeHeaderName;
    private Secret flowforgeHeaderValue;
    private String workfluxClientId = "sandbox-client";
    private Secret workfluxClientSecret = Secret.of("sandbox-secret");
    private Duration tokenTtl = Duration.ofHours(1);
    private Clock clock = Clock.systemUTC();
    private FailureInjection failures = FailureInjection.none();
    private int deliveryAttempts = 5;
    private Duration deliveryBackoff = Duration.ofMillis(500);
    private double deliveryBackoffMultiplier = 2.0;
    private Duration deliveryMaxBackoff = Duration.ofSeconds(8);
    private Duration deliveryTimeout = Duration.ofSeconds(10);
    private Sleeper sleeper = Sleeper.REAL;

    private Builder() {}

    /**
     * Sets the address to listen on.
     *
     * @param host a local address; default {@code 127.0.0.1}
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Sets the port to listen on.
     *
     * @param port the port; default 0, any free port (read it with {@link Sandbox#port()})
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the seed every random choice comes from.
     *
     * @param seed the seed; default 42
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the API key lead submissions must carry in {@code x-api-key}.
     *
     * @param apiKey the key; default {@code sandbox-api-key}
     * @return this builder
     */
    public Builder futworkApiKey(String apiKey) {
      this.futworkApiKey = Secret.of(apiKey);
      return this;
    }

    /**
     * Sets where post-call deliveries go.
     *
     * @param url the receiver's URL, such as {@code http://localhost:8080/webhooks/futwork}
     * @return this builder
     */
    public Builder futworkCallbackUrl(String url) {
      URI uri = URI.create(url);
      this.futworkCallback = () -> uri;
      return this;
    }

    /**
     * Sets where post-call deliveries go, asked at each delivery: for a receiver whose port is
     * known only once it started.
     *
     * @param url gives the receiver's URL
     * @return this builder
     */
    public Builder futworkCallbackUrl(Supplier<URI> url) {
      this.futworkCallback = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * Sets the shared secret sent with every post-call delivery.
     *
     * @param secret the secret ({@code futwork.webhook.secret} on the receiving side); default none
     * @return this builder
     */
    public Builder futworkWebhookSecret(String secret) {
      this.futworkWebhookSecret = Secret.of(secret);
      return this;
    }

    /**
     * Sets the header that carries the shared secret.
     *
     * @param header the header; default {@code X-Webhook-Secret}
     * @return this builder
     */
    public Builder futworkWebhookHeader(String header) {
      this.futworkWebhookHeader = Objects.requireNonNull(header, "header");
      return this;
    }

    /**
     * Sets how long a call takes: the time between accepting a lead and posting its outcome, drawn
     * between the two.
     *
     * @param min the shortest; default 1 s
     * @param max the longest; default 3 s
     * @return this builder
     */
    public Builder callDelay(Duration min, Duration max) {
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("callDelay needs 0 <= min <= max");
      }
      this.callDelayMin = min;
      this.callDelayMax = max;
      return this;
    }

    /**
     * Sets where Flowforge deliveries go. Without it, no Flowforge delivery is sent.
     *
     * @param url the receiver's URL
     * @return this builder
     */
    public Builder flowforgeCallbackUrl(String url) {
      URI uri = URI.create(url);
      this.flowforgeCallback = () -> uri;
      return this;
    }

    /**
     * Sets where Flowforge deliveries go, asked at each delivery.
     *
     * @param url gives the receiver's URL
     * @return this builder
     */
    public Builder flowforgeCallbackUrl(Supplier<URI> url) {
      this.flowforgeCallback = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * Sets a header sent with every Flowforge delivery (Flowforge documents none; a receiver may
     * still want a shared secret on its URL).
     *
     * @param name the header's name
     * @param value its value
     * @return this builder
     */
    public Builder flowforgeHeader(String name, String value) {
      this.flowforgeHeaderName = Objects.requireNonNull(name, "name");
      this.flowforgeHeaderValue = Secret.of(value);
      return this;
    }

    /**
     * Sets the WorkFlux client credentials the token endpoint accepts.
     *
     * @param clientId the client id; default {@code sandbox-client}
     * @param clientSecret the client secret; default {@code sandbox-secret}
     * @return this builder
     */
    public Builder workfluxCredentials(String clientId, String clientSecret) {
      this.workfluxClientId = Objects.requireNonNull(clientId, "clientId");
      this.workfluxClientSecret = Secret.of(clientSecret);
      return this;
    }

    /**
     * Sets how long a WorkFlux access token lives.
     *
     * @param ttl the lifetime; default 1 hour
     * @return this builder
     */
    public Builder workfluxTokenTtl(Duration ttl) {
      this.tokenTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Sets the clock for token lifetimes and timestamps.
     *
     * @param clock the clock; default UTC system clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the failures to inject.
     *
     * @param failures the failures; default {@link FailureInjection#none()}
     * @return this builder
     */
    public Builder failures(FailureInjection failures) {
      this.failures = Objects.requireNonNull(failures, "failures");
      return this;
    }

    /**
     * Sets how deliveries are retried: after a connection failure, a time-out, or a {@code 408},
     * {@code 409}, {@code 425}, {@code 429} or {@code 5xx} answer.
     *
     * @param attempts attempts in all, the first included; default 5
     * @param initialBackoff the wait before the first retry; default 500 ms, doubling each time
     * @param maxBackoff the longest wait; default 8 s
     * @return this builder
     */
    public Builder deliveryRetry(int attempts, Duration initialBackoff, Duration maxBackoff) {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1");
      }
      this.deliveryAttempts = attempts;
      this.deliveryBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
      this.deliveryMaxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets how long a delivery waits for the receiver's answer.
     *
     * @param timeout the wait; default 10 s
     * @return this builder
     */
    public Builder deliveryTimeout(Duration timeout) {
      this.deliveryTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Starts the sandbox.
     *
     * @return the running sandbox; close it to stop it
     */
    public Sandbox start() {
      return new Sandbox(
          new Settings(
              host,
              port,
              seed,
              futworkApiKey,
              futworkCallback,
              futworkWebhookSecret,
              futworkWebhookHeader,
              callDelayMin,
              callDelayMax,
              flowforgeCallback,
              flowforgeHeaderName,
              flowforgeHeaderValue,
              workfluxClientId,
              workfluxClientSecret,
              tokenTtl,
              clock,
              failures,
              deliveryAttempts,
              deliveryBackoff,
              deliveryBackoffMultiplier,
              deliveryMaxBackoff,
              deliveryTimeout,
              sleeper));
    }
  }
}
