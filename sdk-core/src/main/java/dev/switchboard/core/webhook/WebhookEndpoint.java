package dev.switchboard.core.webhook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook receiver: where it listens, how it authenticates and how it parses. A vendor module
 * declares it as a bean; the shared auto-configuration serves it with the delivery pipeline (size
 * limit, content type, IP allowlist, authentication, parsing, deduplication, synchronous
 * publication, RFC 9457 problems, metrics).
 *
 * <p>Secure by default: {@link Builder#build()} refuses an endpoint with no authenticator unless
 * unauthenticated deliveries were explicitly allowed, and its message names the property to set.
 */
public final class WebhookEndpoint {

  /** The default limit on a delivery's body: 1 MiB. */
  public static final long DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

  /** Headers that are always removed from the delivery listeners see. */
  public static final List<String> ALWAYS_SENSITIVE_HEADERS =
      List.of("Authorization", "Proxy-Authorization", "Cookie");

  private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);

  private final String source;
  private final String path;
  private final WebhookParser<?> parser;
  private final WebhookAuthenticator authenticator;
  private final IpAllowlist allowlist;
  private final long maxBodySize;
  private final Set<String> sensitiveHeaders;

  private WebhookEndpoint(Builder b) {
    this.source = b.source;
    this.path = b.path;
    this.parser = b.parser;
    this.authenticator = b.authenticator;
    this.allowlist = b.allowlist;
    this.maxBodySize = b.maxBodySize;
    this.sensitiveHeaders = Set.copyOf(b.sensitiveHeaders);
  }

  /**
   * Starts an endpoint.
   *
   * @param source a short name of the platform, used in metrics, logs and the delivery store
   * @param path the request path, such as {@code /webhooks/futwork}
   * @param parser turns a request into a typed event
   * @return the builder
   */
  public static Builder builder(String source, String path, WebhookParser<?> parser) {
    return new Builder(source, path, parser);
  }

  /**
   * Returns the platform's short name.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * Returns the request path.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Returns the parser.
   *
   * @return the parser
   */
  public WebhookParser<?> parser() {
    return parser;
  }

  /**
   * Returns the authenticator, or null when unauthenticated deliveries were explicitly allowed.
   *
   * @return the authenticator
   */
  public WebhookAuthenticator authenticator() {
    return authenticator;
  }

  /**
   * Returns the IP allowlist, or null for none.
   *
   * @return the allowlist
   */
  public IpAllowlist allowlist() {
    return allowlist;
  }

  /**
   * Returns the largest accepted body in bytes.
   *
   * @return the limit
   */
  public long maxBodySize() {
    return maxBodySize;
  }

  /**
   * Returns the headers removed before listeners see a delivery.
   *
   * @return the header names
   */
  public Set<String> sensitiveHeaders() {
    return sensitiveHeaders;
  }

  @Override
  public String toString() {
    return "WebhookEndpoint[" + source + " at " + path + "]";
  }

  /** Builds a {@link WebhookEndpoint}. */
  public static final class Builder {
    private final String source;
    private final String path;
    private final WebhookParser<?> parser;
    private WebhookAuthenticator authenticator;
    private IpAllowlist allowlist;
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
    private final Set<String> sensitiveHeaders = new LinkedHashSet<>(ALWAYS_SENSITIVE_HEADERS);
    private boolean allowUnauthenticated;
    private String authenticationProperty;
    private String allowUnauthenticatedProperty;

    private Builder(String source, String path, WebhookParser<?> parser) {
      if (source == null || !source.matches("[a-z0-9][a-z0-9_-]{0,99}")) {
        throw new IllegalArgumentException("source must be a short lower-case name");
      }
      if (path == null || !path.startsWith("/")) {
        throw new WebhookConfigurationException(
            "The " + source + " webhook path must start with '/': " + path);
      }
      this.source = source;
      this.path = path;
      this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * Sets how deliveries are authenticated.
     *
     * @param authenticator the authenticator, or null for none
     * @return this builder
     */
    public Builder authenticator(WebhookAuthenticator authenticator) {
      this.authenticator = authenticator;
      return this;
    }

    /**
     * Sets the IP allowlist, checked in addition to the authenticator.
     *
     * @param allowlist the allowlist, or null for none
     * @return this builder
     */
    public Builder allowlist(IpAllowlist allowlist) {
      this.allowlist = allowlist;
      return this;
    }

    /**
     * Sets the largest accepted body.
     *
     * @param bytes the limit in bytes, positive
     * @return this builder
     */
    public Builder maxBodySize(long bytes) {
      if (bytes <= 0) {
        throw new WebhookConfigurationException(
            "The " + source + " webhook's maximum body size must be positive");
      }
      this.maxBodySize = bytes;
      return this;
    }

    /**
     * Adds headers to remove before listeners see a delivery (the secret header, signatures).
     *
     * @param names header names, any case
     * @return this builder
     */
    public Builder sensitiveHeaders(String... names) {
      for (String name : names) {
        if (name != null && !name.isBlank()) {
          sensitiveHeaders.add(name);
        }
      }
      return this;
    }

    /**
     * Accepts deliveries without authentication; only honoured when no authenticator is set.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public Builder allowUnauthenticated(boolean allow) {
      this.allowUnauthenticated = allow;
      return this;
    }

    /**
     * Names the properties the refusal message points at.
     *
     * @param authenticationProperty the property that configures a secret, such as {@code
     *     futwork.webhook.secret}
     * @param allowUnauthenticatedProperty the property that allows unauthenticated deliveries
     * @return this builder
     */
    public Builder configurationHints(
        String authenticationProperty, String allowUnauthenticatedProperty) {
      this.authenticationProperty = authenticationProperty;
      this.allowUnauthenticatedProperty = allowUnauthenticatedProperty;
      return this;
    }

    /**
     * Builds the endpoint.
     *
     * @return the endpoint
     * @throws WebhookConfigurationException when no authentication is configured and
     *     unauthenticated deliveries were not explicitly allowed
     */
    public WebhookEndpoint build() {
      if (authenticator == null && !allowUnauthenticated) {
        String set = authenticationProperty == null ? "a secret" : authenticationProperty;
        String allow =
            allowUnauthenticatedProperty == null
                ? "allow unauthenticated deliveries explicitly"
                : "set " + allowUnauthenticatedProperty + "=true";
        throw new WebhookConfigurationException(
            "The "
                + source
                + " webhook receiver at "
                + path
                + " has no authentication configured, so anyone could post forged deliveries to"
                + " it.",
            "Set "
                + set
                + " to a long random value and configure the same secret on the platform (for"
                + " Futwork and Flowforge, paste the receiver's URL with ?token=<the secret>; the"
                + " application logs the exact form at startup), or, only if the endpoint is"
                + " protected another way, "
                + allow
                + ".");
      }
      if (authenticator == null) {
        log.warn(
            "The {} webhook receiver at {} accepts UNAUTHENTICATED deliveries: anyone who can"
                + " reach it can post forged events. Set {} to authenticate them.",
            source,
            path,
            authenticationProperty == null ? "a secret" : authenticationProperty);
      }
      return new WebhookEndpoint(this);
    }
  }
}
