package dev.switchboard.workflux.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.workflux.internal.JsonMaps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A webhook subscription, as {@code POST /webhooks} answers it. The secret is never part of it.
 *
 * @param id the subscription's id, such as {@code webhook-123}
 * @param url where WorkFlux delivers the events
 * @param events the event names subscribed to, such as {@code conversation.completed}
 * @param status the subscription's status, such as {@code active}
 * @param createdAt when it was created ({@code created_at}), as sent; see {@link
 *     #createdAtInstant()}
 * @param other every other field of the answer (a {@code secret} echoed back is dropped)
 */
public record WebhookSubscription(
    String id,
    String url,
    List<String> events,
    String status,
    String createdAt,
    Map<String, Object> other) {

  private static final Set<String> TYPED =
      Set.of("id", "url", "events", "status", "created_at", "secret");

  /** Never null collections. */
  public WebhookSubscription {
    events = events == null ? List.of() : List.copyOf(events);
    other = other == null ? Map.of() : JsonFields.copy(other);
  }

  /**
   * Reads a subscription from its JSON object.
   *
   * @param json the object, as a map
   * @return the subscription
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static WebhookSubscription fromJson(Map<String, Object> json) {
    return new WebhookSubscription(
        JsonMaps.text(json, "id"),
        JsonMaps.text(json, "url"),
        JsonMaps.texts(json, "events"),
        JsonMaps.text(json, "status"),
        JsonMaps.text(json, "created_at"),
        JsonMaps.others(json, TYPED));
  }

  /**
   * The subscription as the platform's JSON object.
   *
   * @return the fields
   */
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    JsonMaps.putIfPresent(out, "id", id);
    JsonMaps.putIfPresent(out, "url", url);
    out.put("events", events);
    JsonMaps.putIfPresent(out, "status", status);
    JsonMaps.putIfPresent(out, "created_at", createdAt);
    out.putAll(other);
    return out;
  }

  /**
   * {@link #createdAt()} as an instant, when it is an ISO-8601 timestamp or epoch seconds.
   *
   * @return the instant
   */
  public Optional<Instant> createdAtInstant() {
    return JsonMaps.instant(createdAt);
  }

  /**
   * Whether the subscription is active (status {@code active}, in any case).
   *
   * @return whether WorkFlux delivers to it
   */
  public boolean active() {
    return "active".equalsIgnoreCase(status);
  }
}
