package dev.switchboard.core.webhook;

import dev.switchboard.core.Secret;
import dev.switchboard.core.config.ConfigurationValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The settings of a receiver for a platform that signs nothing (Futwork, Flowforge): a shared
 * secret in the URL's query (the default, as these platforms' dashboards take nothing but a URL) or
 * in a header, HTTP Basic, an IP allowlist, the body limit. A vendor module extends it under its
 * own prefix (such as {@code futwork.webhook}) and turns it into its endpoint with {@link
 * #toEndpoint(String, String, WebhookParser)}, so every such receiver authenticates the same way.
 *
 * <p>JavaBean-style rather than a record, so Spring binds it field by field. The configuration
 * processor cannot read this class's Javadoc from a vendor module, so each vendor module describes
 * the inherited properties in its {@code META-INF/additional-spring-configuration-metadata.json}.
 */
public class SharedSecretReceiverProperties {

  /** The default query parameter carrying the secret in the URL pasted into the dashboard. */
  public static final String DEFAULT_QUERY_TOKEN_PARAMETER = "token";

  private static final Logger log = LoggerFactory.getLogger(SharedSecretReceiverProperties.class);

  /** Whether to receive the platform's deliveries. */
  private boolean enabled = true;

  /** The request path the platform posts its deliveries to. */
  private String path;

  /**
   * The shared secret(s) a delivery must present, in the URL's query (see query-token-parameter) or
   * in the header (see header-name). Several may be listed while rotating.
   */
  private List<Secret> secret = new ArrayList<>();

  /** The request header that carries the shared secret. */
  private String headerName = "X-Webhook-Secret";

  /**
   * The URL query parameter that carries the shared secret: the platform is configured to post to
   * /webhooks/...?token=<secret>. Empty: only the header is accepted.
   */
  private String queryTokenParameter = DEFAULT_QUERY_TOKEN_PARAMETER;

  /** HTTP Basic credentials a delivery may present instead of the shared secret. */
  private final Basic basic = new Basic();

  /**
   * Networks (CIDR, IPv4 or IPv6, or single addresses) deliveries must come from, checked in
   * addition to the secret. Empty: any address.
   */
  private List<String> allowlist = new ArrayList<>();

  /**
   * Addresses or networks of reverse proxies in front of the application: only when the TCP peer is
   * one of them is X-Forwarded-For read to find the client's address for the allowlist.
   */
  private List<String> trustedProxies = new ArrayList<>();

  /**
   * Whether to accept deliveries with no authentication at all. Only for endpoints protected
   * another way; a warning is logged at startup.
   */
  private boolean allowUnauthenticated = false;

  /** The largest accepted body; larger deliveries are answered 413. */
  private DataSize maxBodySize = DataSize.ofMegabytes(1);

  /**
   * Creates the settings.
   *
   * @param defaultPath the receiver's default path, such as {@code /webhooks/futwork}
   */
  protected SharedSecretReceiverProperties(String defaultPath) {
    this.path = Objects.requireNonNull(defaultPath, "defaultPath");
  }

  /**
   * Returns whether the receiver is on.
   *
   * @return whether
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the receiver is on.
   *
   * @param enabled whether
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Returns the path.
   *
   * @return the path
   */
  public String getPath() {
    return path;
  }

  /**
   * Sets the path.
   *
   * @param path the path
   */
  public void setPath(String path) {
    this.path = path;
  }

  /**
   * Returns the accepted secrets.
   *
   * @return the secrets
   */
  public List<Secret> getSecret() {
    return secret;
  }

  /**
   * Sets the accepted secrets.
   *
   * @param secret the secrets
   */
  public void setSecret(List<Secret> secret) {
    this.secret = secret;
  }

  /**
   * Returns the secret header's name.
   *
   * @return the name
   */
  public String getHeaderName() {
    return headerName;
  }

  /**
   * Sets the secret header's name.
   *
   * @param headerName the name
   */
  public void setHeaderName(String headerName) {
    this.headerName = headerName;
  }

  /**
   * Returns the query parameter that may carry the secret.
   *
   * @return the name, or null
   */
  public String getQueryTokenParameter() {
    return queryTokenParameter;
  }

  /**
   * Sets the query parameter that may carry the secret.
   *
   * @param queryTokenParameter the name, or null
   */
  public void setQueryTokenParameter(String queryTokenParameter) {
    this.queryTokenParameter = queryTokenParameter;
  }

  /**
   * Returns the HTTP Basic credentials.
   *
   * @return the credentials
   */
  public Basic getBasic() {
    return basic;
  }

  /**
   * Returns the allowlist.
   *
   * @return the networks
   */
  public List<String> getAllowlist() {
    return allowlist;
  }

  /**
   * Sets the allowlist.
   *
   * @param allowlist the networks
   */
  public void setAllowlist(List<String> allowlist) {
    this.allowlist = allowlist;
  }

  /**
   * Returns the trusted proxies.
   *
   * @return the networks
   */
  public List<String> getTrustedProxies() {
    return trustedProxies;
  }

  /**
   * Sets the trusted proxies.
   *
   * @param trustedProxies the networks
   */
  public void setTrustedProxies(List<String> trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  /**
   * Returns whether unauthenticated deliveries are accepted.
   *
   * @return whether
   */
  public boolean isAllowUnauthenticated() {
    return allowUnauthenticated;
  }

  /**
   * Sets whether unauthenticated deliveries are accepted.
   *
   * @param allowUnauthenticated whether
   */
  public void setAllowUnauthenticated(boolean allowUnauthenticated) {
    this.allowUnauthenticated = allowUnauthenticated;
  }

  /**
   * Returns the body size limit.
   *
   * @return the limit
   */
  public DataSize getMaxBodySize() {
    return maxBodySize;
  }

  /**
   * Sets the body size limit.
   *
   * @param maxBodySize the limit
   */
  public void setMaxBodySize(DataSize maxBodySize) {
    this.maxBodySize = maxBodySize;
  }

  /**
   * Builds the receiver's endpoint from these settings: the shared secret(s) in the URL's query
   * parameter (unless it is set empty) or in the header, and HTTP Basic, any one of them sufficing;
   * the allowlist on top; the body limit. Refuses settings that are incomplete, that still hold an
   * unresolved {@code ${...}} placeholder or that authenticate nothing, naming the property to set.
   * Logs, at INFO, the URL to paste into the platform's dashboard with the token masked.
   *
   * @param source the platform's short name, such as {@code futwork}
   * @param prefix the properties' prefix, such as {@code futwork.webhook}, named in messages
   * @param parser turns a delivery into the platform's typed event
   * @return the endpoint
   * @throws WebhookConfigurationException when the settings are incomplete or authenticate nothing
   */
  public WebhookEndpoint toEndpoint(String source, String prefix, WebhookParser<?> parser) {
    ConfigurationValues.requireResolved(prefix + ".secret", secret);
    ConfigurationValues.requireResolved(prefix + ".basic.username", basic.getUsername());
    ConfigurationValues.requireResolved(prefix + ".basic.password", basic.getPassword());
    ConfigurationValues.requireResolved(prefix + ".path", path);
    List<Secret> secrets = WebhookAuthenticators.present(secret);
    boolean queryToken = queryTokenParameter != null && !queryTokenParameter.isBlank();
    List<WebhookAuthenticator> authenticators = new ArrayList<>();
    if (!secrets.isEmpty()) {
      if (queryToken) {
        authenticators.add(WebhookAuthenticators.queryToken(queryTokenParameter.strip(), secrets));
      }
      authenticators.add(WebhookAuthenticators.headerSecret(headerName, secrets));
    }
    boolean hasUser = basic.getUsername() != null && !basic.getUsername().isBlank();
    if (hasUser != (basic.getPassword() != null)) {
      throw new WebhookConfigurationException(
          "HTTP Basic for "
              + source
              + " webhooks needs both "
              + prefix
              + ".basic.username and "
              + prefix
              + ".basic.password; only one is set.",
          "Set both " + prefix + ".basic.username and " + prefix + ".basic.password, or neither.");
    }
    if (hasUser) {
      authenticators.add(
          WebhookAuthenticators.basic(basic.getUsername(), List.of(basic.getPassword())));
    }
    WebhookEndpoint.Builder builder =
        WebhookEndpoint.builder(source, path, parser)
            .authenticator(
                authenticators.isEmpty() ? null : WebhookAuthenticators.anyOf(authenticators))
            .sensitiveHeaders(headerName)
            .maxBodySize(maxBodySize.toBytes())
            .allowUnauthenticated(allowUnauthenticated)
            .configurationHints(prefix + ".secret", prefix + ".allow-unauthenticated");
    if (allowlist != null && !allowlist.isEmpty()) {
      builder.allowlist(IpAllowlist.of(allowlist, trustedProxies));
    }
    WebhookEndpoint endpoint = builder.build();
    if (!secrets.isEmpty()) {
      logUrlToPaste(source, prefix, queryToken);
    }
    return endpoint;
  }

  /**
   * The URL form the platform's dashboard needs, with the token masked: the token itself is never
   * logged.
   *
   * @param source the platform's short name
   * @param prefix the properties' prefix
   * @param queryToken whether the URL may carry the token
   * @return the text logged at startup
   */
  String urlToPaste(String source, String prefix, boolean queryToken) {
    if (!queryToken) {
      return "The "
          + source
          + " webhook receiver accepts deliveries to https://<your-public-host>"
          + path
          + " with the header "
          + headerName
          + ": **** (the value of "
          + prefix
          + ".secret); "
          + prefix
          + ".query-token-parameter is empty, so a token in the URL is not accepted.";
    }
    return "The "
        + source
        + " webhook receiver is ready: paste https://<your-public-host>"
        + path
        + "?"
        + queryTokenParameter.strip()
        + "=**** into the platform's webhook settings, with **** replaced by the value of "
        + prefix
        + ".secret (a sender that can set headers may send it as "
        + headerName
        + " instead).";
  }

  private void logUrlToPaste(String source, String prefix, boolean queryToken) {
    log.info("{}", urlToPaste(source, prefix, queryToken));
  }

  /** HTTP Basic credentials a delivery may present. */
  public static class Basic {

    /** The user name a delivery must present with HTTP Basic. Unset: Basic is not accepted. */
    private String username;

    /** The password a delivery must present with HTTP Basic. */
    private Secret password;

    /**
     * Returns the user name.
     *
     * @return the user name
     */
    public String getUsername() {
      return username;
    }

    /**
     * Sets the user name.
     *
     * @param username the user name
     */
    public void setUsername(String username) {
      this.username = username;
    }

    /**
     * Returns the password.
     *
     * @return the password
     */
    public Secret getPassword() {
      return password;
    }

    /**
     * Sets the password.
     *
     * @param password the password
     */
    public void setPassword(Secret password) {
      this.password = password;
    }
  }
}
