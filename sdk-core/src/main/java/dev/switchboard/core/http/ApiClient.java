package dev.switchboard.core.http;

import dev.switchboard.core.http.internal.CallExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.backoff.ThreadWaitSleeper;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * The one place every outbound call of the SDK goes through: Spring's {@link RestClient} with
 * connect and read time-outs, a {@code User-Agent} naming the SDK, credentials from an {@link
 * Authenticator}, retries of what is safe (see {@link RetrySettings}), and failures turned into the
 * {@link ApiException} family with every secret masked.
 *
 * <p>Thread-safe; build one per platform and share it.
 */
public final class ApiClient {

  /** The SDK's version, from the build. */
  public static final String VERSION = readVersion();

  private final SingletonSupplier<CallExecutor> executor;
  private final String platform;
  private final URI baseUrl;

  private ApiClient(Builder b) {
    this.platform = Objects.requireNonNull(b.platform, "platform");
    this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl");
    Authenticator authenticator = Objects.requireNonNull(b.authenticator, "authenticator");
    HttpSettings settings = b.settings;
    Supplier<RestClient.Builder> restClientBuilder = b.restClientBuilder;
    Sleeper sleeper = b.sleeper;
    DoubleSupplier random = b.random;
    Clock clock = b.clock;
    String credentialsHint = b.credentialsHint;
    String userAgent =
        "switchboard-java/"
            + VERSION
            + " ("
            + b.module
            + "; Java "
            + System.getProperty("java.version")
            + ")";
    // Built on the first call, RestClient included: the executor, its RestClient and spring-retry's
    // classes cost an application's startup, and an application may never call this platform.
    this.executor =
        SingletonSupplier.of(
            () ->
                new CallExecutor(
                    platform,
                    baseUrl,
                    settings,
                    authenticator,
                    restClientBuilder,
                    sleeper,
                    random,
                    clock,
                    userAgent,
                    credentialsHint));
  }

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes a call, retrying what is safe.
   *
   * @param request the call
   * @return the answer, when its status is below 400
   * @throws ApiException when the call failed; its type says how
   */
  public ApiResponse execute(ApiRequest request) {
    return executor.obtain().execute(request);
  }

  /**
   * The platform's base URL.
   *
   * @return the URL every path is relative to
   */
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public String toString() {
    return "ApiClient[" + platform + " " + baseUrl + "]";
  }

  private static String readVersion() {
    try (InputStream in =
        ApiClient.class.getResourceAsStream("/dev/switchboard/core/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds an {@link ApiClient}. */
  public static final class Builder {
    private String platform;
    private String module = "sdk-core";
    private URI baseUrl;
    private HttpSettings settings = HttpSettings.DEFAULTS;
    private Authenticator authenticator;
    private Supplier<RestClient.Builder> restClientBuilder = RestClient::builder;
    private Sleeper sleeper = new ThreadWaitSleeper();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Clock clock = Clock.systemUTC();
    private String credentialsHint = "the configured credentials";

    private Builder() {}

    /**
     * Names the platform in messages and logs, such as {@code futwork-workflows}.
     *
     * @param platform the label
     * @return this builder
     */
    public Builder platform(String platform) {
      this.platform = platform;
      return this;
    }

    /**
     * Names the SDK module in the {@code User-Agent}, such as {@code futwork-client}.
     *
     * @param module the module
     * @return this builder
     */
    public Builder module(String module) {
      this.module = module;
      return this;
    }

    /**
     * Sets the base URL, checked with {@link BaseUrl#require(String, String)}.
     *
     * @param baseUrl the base URL
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets time-outs and retries; {@link HttpSettings#DEFAULTS} otherwise.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(HttpSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets what puts credentials on each request.
     *
     * @param authenticator the authenticator
     * @return this builder
     */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = authenticator;
      return this;
    }

    /**
     * Starts from an application's {@link RestClient.Builder} (copied, never changed), so its
     * customizations such as observations apply; {@link RestClient#builder()} otherwise.
     *
     * @param builder the builder, or {@code null}
     * @return this builder
     */
    public Builder restClientBuilder(RestClient.Builder builder) {
      return restClientBuilder(() -> builder);
    }

    /**
     * Starts from the application's {@link RestClient.Builder} given by a supplier, asked on the
     * first call only (such as {@code ObjectProvider::getIfAvailable}), so that building the
     * RestClient does not slow the application's startup.
     *
     * @param builder gives the builder, or {@code null} for {@link RestClient#builder()}
     * @return this builder
     */
    public Builder restClientBuilder(Supplier<RestClient.Builder> builder) {
      this.restClientBuilder = Objects.requireNonNull(builder, "builder");
      return this;
    }

    /**
     * Sets how the client waits between attempts; for tests and simulations.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the jitter source, giving values in [0, 1); for tests.
     *
     * @param random the source
     * @return this builder
     */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets the clock that {@code Retry-After} dates are measured against.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Says what to check when the platform refuses the credentials, such as {@code the property
     * futwork.api-key}.
     *
     * @param hint the hint, used in messages
     * @return this builder
     */
    public Builder credentialsHint(String hint) {
      this.credentialsHint = Objects.requireNonNull(hint, "hint");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public ApiClient build() {
      return new ApiClient(this);
    }
  }
}
