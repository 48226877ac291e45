package dev.switchboard.futwork.webhook.autoconfigure;

import dev.switchboard.core.Secret;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The Futwork post-call receiver's settings ({@code futwork.webhook.*}).
 *
 * <p>JavaBean-style rather than a record: the configuration processor takes descriptions from field
 * Javadoc, which gives IDEs a description and default for every property.
 */
@ConfigurationProperties("futwork.webhook")
public class FutworkWebhookProperties {

  /** Whether to receive Futwork post-call deliveries. */
  private boolean enabled = true;

  /** The request path Futwork posts both workflow and campaign post-call deliveries to. */
  private String path = "/webhooks/futwork";

  /**
   * The shared secret(s) a delivery must present, in the header (see header-name) or, when
   * query-token-parameter is set, in the URL's query. Several may be listed while rotating.
   */
  private List<Secret> secret = new ArrayList<>();

  /** The request header that carries the shared secret. */
  private String headerName = "X-Webhook-Secret";

  /**
   * The URL query parameter that may carry the shared secret instead of the header (for example
   * 'token', with Futwork configured to post to /webhooks/futwork?token=...). Unset: query tokens
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

  /** HTTP Basic credentials for Futwork deliveries. */
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
