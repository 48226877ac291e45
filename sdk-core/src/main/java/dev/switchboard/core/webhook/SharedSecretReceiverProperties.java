package dev.switchboard.core.webhook;

import dev.switchboard.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.util.unit.DataSize;

/**
 * The settings of a receiver for a platform that signs nothing (Futwork, Flowforge): a shared
 * secret in a header or the URL's query, HTTP Basic, an IP allowlist, the body limit. A vendor
 * module extends it under its own prefix (such as {@code futwork.webhook}) and turns it into its
 * endpoint with {@link #toEndpoint(String, String, WebhookParser)}, so every such receiver
 * authenticates the same way.
 *
 * <p>JavaBean-style rather than a record, so Spring binds it field by field. The configuration
 * processor cannot read this class's Javadoc from a vendor module, so each vendor module describes
 * the inherited properties in its {@code META-INF/additional-spring-configuration-metadata.json}.
 */
public class SharedSecretReceiverProperties {

  /** Whether to receive the platform's deliveries. */
  private boolean enabled = true;

  /** The request path the platform posts its deliveries to. */
  private String path;

  /**
   * The shared secret(s) a delivery must present, in the header (see header-name) or, when
   * query-token-parameter is set, in the URL's query. Several may be listed while rotating.
   */
  private List<Secret> secret = new ArrayList<>();

  /** The request header that carries the shared secret. */
  private String headerName = "X-Webhook-Secret";

  /**
   * The URL query parameter that may carry the shared secret instead of the header (for example
   * 'token', with the platform configured to post to /webhooks/...?token=...). Unset: query tokens
   * are not accepted. Query strings end up in access logs; prefer the header where possible.
   */
  private String queryTokenParameter;

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
   * Builds the receiver's endpoint from these settings: the shared secret(s) in the header, or in
   * the query when a parameter is named, and HTTP Basic, any one of them sufficing; the allowlist
   * on top; the body limit. Refuses settings that are incomplete or that authenticate nothing,
   * naming the property to set.
   *
   * @param source the platform's short name, such as {@code futwork}
   * @param prefix the properties' prefix, such as {@code futwork.webhook}, named in messages
   * @param parser turns a delivery into the platform's typed event
   * @return the endpoint
   * @throws WebhookConfigurationException when the settings are incomplete or authenticate nothing
   */
  public WebhookEndpoint toEndpoint(String source, String prefix, WebhookParser<?> parser) {
    List<Secret> secrets = WebhookAuthenticators.present(secret);
    boolean queryToken = queryTokenParameter != null && !queryTokenParameter.isBlank();
    List<WebhookAuthenticator> authenticators = new ArrayList<>();
    if (!secrets.isEmpty()) {
      authenticators.add(WebhookAuthenticators.headerSecret(headerName, secrets));
      if (queryToken) {
        authenticators.add(WebhookAuthenticators.queryToken(queryTokenParameter, secrets));
      }
    } else if (queryToken) {
      throw new WebhookConfigurationException(
          prefix
              + ".query-token-parameter is set but "
              + prefix
              + ".secret is not: set "
              + prefix
              + ".secret to the token the platform sends.");
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
              + ".basic.password.");
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
    return builder.build();
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
