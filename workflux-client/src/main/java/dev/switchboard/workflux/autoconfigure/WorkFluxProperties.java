package dev.switchboard.workflux.autoconfigure;

import dev.switchboard.core.Secret;
import dev.switchboard.core.http.HttpProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the WorkFlux client and webhooks, under {@code workflux}.
 *
 * @param clientId OAuth 2.0 client id WorkFlux gave you. Required.
 * @param clientSecret OAuth 2.0 client secret WorkFlux gave you; never logged. Required.
 * @param baseUrl Base URL of the WorkFlux API, with the API version in its path.
 * @param tokenSkew How long before expires_in runs out an access token is renewed.
 * @param http Time-outs and retries of WorkFlux API calls.
 * @param connectivity The connectivity check behind the Actuator health contributor.
 * @param webhook Webhook deliveries: the subscription secret, the signature scheme, and the
 *     subscription made at startup.
 */
@ConfigurationProperties("workflux")
public record WorkFluxProperties(
    String clientId,
    Secret clientSecret,
    @DefaultValue("https://api.workflux.ai/v1") String baseUrl,
    @DefaultValue("60s") Duration tokenSkew,
    @DefaultValue @NestedConfigurationProperty HttpProperties http,
    @DefaultValue Connectivity connectivity,
    @DefaultValue Webhook webhook) {

  /**
   * The connectivity check.
   *
   * @param timeout Longest time the connectivity check (token request and one cheap call) may take.
   */
  public record Connectivity(@DefaultValue("5s") Duration timeout) {}

  /** How WorkFlux signs deliveries; its documents name no scheme. */
  public enum Scheme {
    /** webhook-id, webhook-timestamp and webhook-signature: v1,base64 HMAC-SHA256. */
    STANDARD_WEBHOOKS,
    /** A hex HMAC-SHA256 of the raw body in one header. */
    HEX_HMAC
  }

  /**
   * Webhook deliveries.
   *
   * @param secret Secret the subscription was created with; WorkFlux signs every delivery with it.
   *     A value starting with whsec_ is read as base64 after the prefix, any other value as its
   *     UTF-8 bytes.
   * @param previousSecrets Secrets still accepted while rotating to a new one.
   * @param scheme Signature scheme of deliveries.
   * @param tolerance Largest accepted distance between a delivery's signed timestamp and this
   *     server's clock, in the past or the future (standard-webhooks scheme).
   * @param signatureHeader Header holding the hex signature (hex-hmac scheme).
   * @param subscribeOnStartup Subscription created when the application starts, unless one for the
   *     same URL exists.
   * @param enabled Whether a servlet web application receives WorkFlux deliveries. Unset: the
   *     receiver is on when secret, previous-secrets or path is set or allow-unauthenticated is
   *     true, and off otherwise, so an application that only calls the API needs no webhook
   *     settings. true without a secret fails startup unless allow-unauthenticated is true.
   * @param path Request path WorkFlux posts deliveries to (the URL of the subscription).
   * @param allowUnauthenticated Whether to accept deliveries without a verified signature when no
   *     secret is set. Only for endpoints protected another way; a warning is logged at startup.
   * @param maxBodySize Largest accepted delivery body; larger deliveries are answered 413.
   */
  public record Webhook(
      Secret secret,
      List<Secret> previousSecrets,
      @DefaultValue("standard-webhooks") Scheme scheme,
      @DefaultValue("5m") Duration tolerance,
      @DefaultValue("x-workflux-signature") String signatureHeader,
      @DefaultValue SubscribeOnStartup subscribeOnStartup,
      Boolean enabled,
      @DefaultValue(DEFAULT_PATH) String path,
      @DefaultValue("false") boolean allowUnauthenticated,
      @DefaultValue("1MB") DataSize maxBodySize) {

    /** The receiver's default path. */
    public static final String DEFAULT_PATH = "/webhooks/workflux";

    /** Never a null list. */
    public Webhook {
      previousSecrets = previousSecrets == null ? List.of() : List.copyOf(previousSecrets);
    }
  }

  /**
   * The subscription made at startup.
   *
   * @param url Public URL WorkFlux should deliver events to; when set, the application subscribes
   *     at startup (reusing an existing subscription for the same URL).
   * @param events Events to subscribe to.
   */
  public record SubscribeOnStartup(
      String url,
      @DefaultValue({"conversation.started", "conversation.completed", "agent.response"})
          List<String> events) {}
}
