package dev.switchboard.workflux.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.workflux.internal.TextFields;
import java.util.Map;

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
    Map<String, Object> other)
    implements WorkFluxResource {

  private static final TextFields FIELDS =
      TextFields.of("id", "name", "status", "created_at", "updated_at");

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
    String[] f = FIELDS.read(json);
    return new Agent(f[0], f[1], f[2], f[3], f[4], FIELDS.others(json));
  }

  @JsonValue
  @Override
  public Map<String, Object> toJson() {
    return FIELDS.write(other, id, name, status, createdAt, updatedAt);
  }
}
