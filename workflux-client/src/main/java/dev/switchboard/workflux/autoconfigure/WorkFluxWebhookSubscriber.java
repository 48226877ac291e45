package dev.switchboard.workflux.autoconfigure;

import dev.switchboard.core.Secret;
import dev.switchboard.core.SwitchboardException;
import dev.switchboard.workflux.client.WebhookSubscription;
import dev.switchboard.workflux.client.WorkFluxClient;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Subscribes to WorkFlux events when the application starts ({@code
 * workflux.webhook.subscribe-on-startup.url}), reusing an existing subscription for the same URL so
 * that a restart never duplicates it. A failing call is logged and does not stop the application.
 */
public class WorkFluxWebhookSubscriber implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(WorkFluxWebhookSubscriber.class);

  private final WorkFluxClient client;
  private final String url;
  private final List<String> events;
  private final Secret secret;
  private volatile WebhookSubscription subscription;

  /**
   * Creates the subscriber.
   *
   * @param client the client
   * @param url the URL to subscribe
   * @param events the events to subscribe to
   * @param secret the subscription secret
   * @throws IllegalArgumentException when the secret or the events are missing
   */
  public WorkFluxWebhookSubscriber(
      WorkFluxClient client, String url, List<String> events, Secret secret) {
    if (secret == null) {
      throw new IllegalArgumentException(
          "workflux.webhook.subscribe-on-startup.url is set but workflux.webhook.secret is not:"
              + " set the secret WorkFlux should sign deliveries with.");
    }
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException(
          "workflux.webhook.subscribe-on-startup.events must name at least one event.");
    }
    this.client = client;
    this.url = url.strip();
    this.events = List.copyOf(events);
    this.secret = secret;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      subscribe();
    } catch (SwitchboardException e) {
      log.warn(
          "Could not subscribe {} to WorkFlux events at startup; deliveries may not arrive: {}",
          url,
          e.getMessage());
    }
  }

  /**
   * Finds the subscription for the URL, or creates it.
   *
   * @return the subscription
   */
  public WebhookSubscription subscribe() {
    Optional<WebhookSubscription> existing =
        client.streamWebhooks(Map.of()).filter(s -> sameUrl(s.url())).findFirst();
    if (existing.isPresent()) {
      WebhookSubscription found = existing.get();
      if (!new HashSet<>(found.events()).containsAll(events)) {
        log.warn(
            "WorkFlux subscription {} for {} covers {} but {} were configured; delete it to"
                + " subscribe again with the configured events",
            found.id(),
            url,
            found.events(),
            events);
      } else {
        log.info("Reusing WorkFlux subscription {} for {}", found.id(), url);
      }
      subscription = found;
    } else {
      subscription = client.createWebhook(url, events, secret.reveal());
      log.info(
          "Subscribed {} to WorkFlux events {} (subscription {})", url, events, subscription.id());
    }
    return subscription;
  }

  private boolean sameUrl(String other) {
    return other != null && strip(other).equals(strip(url));
  }

  private static String strip(String u) {
    String s = u.strip();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * The subscription found or created at startup.
   *
   * @return the subscription, empty when subscribing failed
   */
  public Optional<WebhookSubscription> subscription() {
    return Optional.ofNullable(subscription);
  }

  @Override
  public String toString() {
    return "WorkFluxWebhookSubscriber[" + url + " " + events + "]";
  }
}
