package dev.switchboard.workflux.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.workflux.internal.JsonMaps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A WorkFlux conversation. The platform does not document a conversation's fields: the record holds
 * the usual ones typed, exactly as sent, and every other field in {@link #other()}.
 *
 * @param id the conversation's id ({@code id})
 * @param agentId the agent that holds it ({@code agent_id}), or {@code null}
 * @param status its status ({@code status}), or {@code null}
 * @param createdAt when it was created ({@code created_at}), as sent
 * @param updatedAt when it was last changed ({@code updated_at}), as sent
 * @param other every other field of the answer, in its JSON form
 */
public record Conversation(
    String id,
    String agentId,
    String status,
    String createdAt,
    String updatedAt,
    Map<String, Object> other) {

  private static final Set<String> TYPED =
      Set.of("id", "agent_id", "status", "created_at", "updated_at");

  /** Never a null map. */
  public Conversation {
    other = other == null ? Map.of() : JsonFields.copy(other);
  }

  /**
   * Reads a conversation from its JSON object.
   *
   * @param json the object, as a map
   * @return the conversation
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Conversation fromJson(Map<String, Object> json) {
    return new Conversation(
        JsonMaps.text(json, "id"),
        JsonMaps.text(json, "agent_id"),
        JsonMaps.text(json, "status"),
        JsonMaps.text(json, "created_at"),
        JsonMaps.text(json, "updated_at"),
        JsonMaps.others(json, TYPED));
  }

  /**
   * The conversation as the platform's JSON object.
   *
   * @return the fields
   */
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    JsonMaps.putIfPresent(out, "id", id);
    JsonMaps.putIfPresent(out, "agent_id", agentId);
    JsonMaps.putIfPresent(out, "status", status);
    JsonMaps.putIfPresent(out, "created_at", createdAt);
    JsonMaps.putIfPresent(out, "updated_at", updatedAt);
    out.putAll(other);
    return out;
  }

  /**
   * Any field by its JSON name, typed or not.
   *
   * @param name the JSON name
   * @return the value in its JSON form
   */
  public Optional<Object> field(String name) {
    return Optional.ofNullable(toJson().get(name));
  }

  /**
   * {@link #createdAt()} as an instant, when it is an ISO-8601 timestamp or epoch seconds.
   *
   * @return the instant
   */
  public Optional<Instant> createdAtInstant() {
    return JsonMaps.instant(createdAt);
  }
}
