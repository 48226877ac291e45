package dev.switchboard.workflux.autoconfigure;

import dev.switchboard.core.Secret;
import dev.switchboard.core.config.ConfigurationValues;
import dev.switchboard.core.http.HttpProperties;
import dev.switchboard.core.validation.PositiveDuration;
import dev.switchboard.core.validation.ValidBaseUrl;
import dev.switchboard.workflux.client.WorkFluxClientBuilder;
import dev.switchboard.workflux.webhook.StandardWebhooks;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the WorkFlux client and webhooks, under {@code workflux}.
 *
 * <p>Validated: with a Bean Validation provider on the class path (such as {@code
 * spring-boot-starter-validation}), the client's base URL, durations and time-outs out of range
 * fail binding in Spring Boot's format, with the message the client's own check gives without one.
 *
 * <p>A value left out (null) takes its default from the compact constructors, as {@link
 * HttpProperties} explains; the module's configuration metadata states the same defaults.
 *
 * @param clientId OAuth 2.0 client id WorkFlux gave you. Required to call the API; the WorkFlux
 *     client (and its health check) exist only when client-id or client-secret is set, so an
 *     application that only receives events needs neither.
 * @param clientSecret OAuth 2.0 client secret WorkFlux gave you; never logged. Required to call the
 *     API.
 * @param baseUrl Base URL of the WorkFlux API, with the API version in its path.
 * @param tokenSkew How long before expires_in runs out an access token is renewed.
 * @param http Time-outs and retries of WorkFlux API calls.
 * @param connectivity The connectivity check behind the Actuator health contributor.
 * @param webhook Webhook deliveries: the subscription secret, the signature scheme, and the
 *     subscription made at startup.
 */
@ConfigurationProperties("workflux")
@Validated
public record WorkFluxProperties(
    String clientId,
    Secret clientSecret,
    @ValidBaseUrl String baseUrl,
    @PositiveDuration(orZero = true, message = "must be zero or more") Duration tokenSkew,
    @Valid @NestedConfigurationProperty HttpProperties http,
    @Valid Connectivity connectivity,
    Webhook webhook) {

  /** Applies the defaults. */
  public WorkFluxProperties {
    ConfigurationValues.requireResolved("workflux.client-id", clientId);
    ConfigurationValues.requireResolved("workflux.client-secret", clientSecret);
    ConfigurationValues.requireResolved("workflux.base-url", baseUrl);
    baseUrl = baseUrl != null ? baseUrl : WorkFluxClientBuilder.DEFAULT_BASE_URL;
    tokenSkew = tokenSkew != null ? tokenSkew : Duration.ofSeconds(60);
    http = http != null ? http : new HttpProperties(null, null, null);
    connectivity = connectivity != null ? connectivity : new Connectivity(null);
    webhook =
        webhook != null
            ? webhook
            : new Webhook(null, null, null, null, null, null, null, null, false, null, null);
  }

  /**
   * The connectivity check.
   *
   * @param timeout Longest time the connectivity check (token request and one cheap call) may take.
   */
  public record Connectivity(@PositiveDuration Duration timeout) {

    /** Applies the default. */
    public Connectivity {
      timeout = timeout != null ? timeout : Duration.ofSeconds(5);
    }
  }

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
   * @param headers Header names of the standard-webhooks scheme, for a sender using other names;
   *     the id header is also the idempotency key under either scheme.
   */
  public record Webhook(
      Secret secret,
      List<Secret> previousSecrets,
      Scheme scheme,
      Duration tolerance,
      String signatureHeader,
      SubscribeOnStartup subscribeOnStartup,
      Boolean enabled,
      String path,
      boolean allowUnauthenticated,
      DataSize maxBodySize,
      Headers headers) {

    /** The receiver's default path. */
    public static final String DEFAULT_PATH = "/webhooks/workflux";

    /** Applies the defaults; never a null list. */
    public Webhook {
      ConfigurationValues.requireResolved("workflux.webhook.secret", secret);
      ConfigurationValues.requireResolved("workflux.webhook.previous-secrets", previousSecrets);
      previousSecrets = previousSecrets == null ? List.of() : List.copyOf(previousSecrets);
      scheme = scheme != null ? scheme : Scheme.STANDARD_WEBHOOKS;
      tolerance = tolerance != null ? tolerance : Duration.ofMinutes(5);
      signatureHeader = signatureHeader != null ? signatureHeader : "x-workflux-signature";
      subscribeOnStartup =
          subscribeOnStartup != null ? subscribeOnStartup : new SubscribeOnStartup(null, null);
      path = path != null ? path : DEFAULT_PATH;
      maxBodySize = maxBodySize != null ? maxBodySize : DataSize.ofMegabytes(1);
      headers = headers != null ? headers : new Headers(null, null, null);
    }
  }

  /**
   * Header names of the standard-webhooks scheme.
   *
   * @param id Header holding the delivery's id, also its idempotency key.
   * @param timestamp Header holding the signed timestamp, in seconds since the epoch.
   * @param signature Header holding the v1,base64 signatures.
   */
  public record Headers(String id, String timestamp, String signature) {

    /** Applies the Standard Webhooks names. */
    public Headers {
      id = nameOr(id, StandardWebhooks.ID_HEADER);
      timestamp = nameOr(timestamp, StandardWebhooks.TIMESTAMP_HEADER);
      signature = nameOr(signature, StandardWebhooks.SIGNATURE_HEADER);
    }

    private static String nameOr(String name, String standard) {
      return name == null || name.isBlank() ? standard : name.strip();
    }
  }

  /**
   * The subscription made at startup.
   *
   * @param url Public URL WorkFlux should deliver events to; when set, the application subscribes
   *     at startup (reusing an existing subscription for the same URL).
   * @param events Events to subscribe to.
   */
  public record SubscribeOnStartup(String url, List<String> events) {

    /** Applies the default events; never a changeable list. */
    public SubscribeOnStartup {
      ConfigurationValues.requireResolved("workflux.webhook.subscribe-on-startup.url", url);
      events =
          events != null
              ? List.copyOf(events)
              : List.of("conversation.started", "conversation.completed", "agent.response");
    }
  }
}
