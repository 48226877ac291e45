package dev.switchboard.workflux.client;

import dev.switchboard.workflux.internal.JsonMaps;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the client's records of platform objects share: a few fields typed, every other field of the
 * platform's answer kept in {@link #other()}, and the JSON form they were read from.
 */
public sealed interface WorkFluxResource permits Agent, Conversation, WebhookSubscription {

  /**
   * The object's id.
   *
   * @return the id ({@code id})
   */
  String id();

  /**
   * When it was created, as sent.
   *
   * @return the {@code created_at} text, or {@code null}
   */
  String createdAt();

  /**
   * Every field the record does not hold typed, in its JSON form (maps, lists, strings, numbers).
   *
   * @return the other fields
   */
  Map<String, Object> other();

  /**
   * The object as the platform's JSON object: the typed fields under their JSON names, then the
   * others.
   *
   * @return the fields
   */
  Map<String, Object> toJson();

  /**
   * Any field by its JSON name, typed or not.
   *
   * @param name the JSON name, such as {@code voice}
   * @return the value in its JSON form
   */
  default Optional<Object> field(String name) {
    return Optional.ofNullable(toJson().get(name));
  }

  /**
   * {@link #createdAt()} as an instant, when it is an ISO-8601 timestamp or epoch seconds.
   *
   * @return the instant
   */
  default Optional<Instant> createdAtInstant() {
    return JsonMaps.instant(createdAt());
  }
}
