package dev.switchboard.workflux.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.workflux.internal.JsonMaps;
import dev.switchboard.workflux.internal.TextFields;
import java.util.List;
import java.util.Map;

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
    Map<String, Object> other)
    implements WorkFluxResource {

  /** {@code events} is a list: read by {@link JsonMaps#texts}, written as it is. */
  private static final TextFields FIELDS =
      TextFields.of("id", "url", "events", "status", "created_at");

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
    String[] f = FIELDS.read(json);
    return new WebhookSubscription(
        f[0], f[1], JsonMaps.texts(json, "events"), f[3], f[4], FIELDS.others(json, "secret"));
  }

  @JsonValue
  @Override
  public Map<String, Object> toJson() {
    return FIELDS.write(other, id, url, events, status, createdAt);
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
