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
 * A WorkFlux agent. The platform does not document an agent's fields: the record holds the usual
 * ones typed, exactly as sent, and every other field in {@link #other()}.
 *
 * @param id the agent's id ({@code id})
 * @param name its name ({@code name}), or {@code null}
 * @param status its status ({@code status}), or {@code null}
 * @param createdAt when it was created ({@code created_at}), as sent; see {@link
 *     #createdAtInstant()}
 * @param updatedAt when it was last changed ({@code updated_at}), as sent
 * @param other every other field of the answer, in its JSON form (maps, lists, strings, numbers)
 */
public record Agent(
    String id,
    String name,
    String status,
    String createdAt,
    String updatedAt,
    Map<String, Object> other) {

  private static final Set<String> TYPED =
      Set.of("id", "name", "status", "created_at", "updated_at");

  /** Never a null map. */
  public Agent {
    other = other == null ? Map.of() : JsonFields.copy(other);
  }

  /**
   * Reads an agent from its JSON object.
   *
   * @param json the object, as a map
   * @return the agent
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Agent fromJson(Map<String, Object> json) {
    return new Agent(
        JsonMaps.text(json, "id"),
        JsonMaps.text(json, "name"),
        JsonMaps.text(json, "status"),
        JsonMaps.text(json, "created_at"),
        JsonMaps.text(json, "updated_at"),
        JsonMaps.others(json, TYPED));
  }

  /**
   * The agent as the platform's JSON object: the typed fields under their JSON names, then the
   * others.
   *
   * @return the fields
   */
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    JsonMaps.putIfPresent(out, "id", id);
    JsonMaps.putIfPresent(out, "name", name);
    JsonMaps.putIfPresent(out, "status", status);
    JsonMaps.putIfPresent(out, "created_at", createdAt);
    JsonMaps.putIfPresent(out, "updated_at", updatedAt);
    out.putAll(other);
    return out;
  }

  /**
   * Any field by its JSON name, typed or not.
   *
   * @param name the JSON name, such as {@code voice}
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
