package dev.switchboard.futwork.lead.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.futwork.lead.LeadValidationException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The lead's request body and the platform's answer to it, by Jackson data binding. */
final class LeadJson {

  private static final ObjectWriter BODY = Json.mapper().writerFor(Body.class);

  /** Floats read as decimals, so that an id such as {@code 1.50} keeps the text it was sent as. */
  private static final ObjectReader ANSWER =
      Json.mapper().readerFor(Answer.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private LeadJson() {}

  /**
   * The body Futwork's documents show: the phone number, the data, and for a workflow the
   * reference.
   */
  @JsonPropertyOrder({"recipientPhoneNumber", "recipientData", "referenceId"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Body(String recipientPhoneNumber, Map<String, Object> recipientData, String referenceId) {}

  /**
   * The answer's id fields, read loosely: each may be text, a number or anything else (ignored),
   * and {@code data} may wrap them.
   */
  record Answer(
      @JsonProperty("leadId") Object leadId,
      @JsonProperty("id") Object id,
      @JsonProperty("_id") Object underscoreId,
      @JsonProperty("data") Object data) {

    /**
     * {@code leadId}, {@code id} or {@code _id}, in that order, at the top, else in {@code data}.
     */
    Optional<String> receiptId() {
      Optional<String> top = first(leadId, id, underscoreId);
      if (top.isPresent() || !(data instanceof Map<?, ?> wrapped)) {
        return top;
      }
      return first(wrapped.get("leadId"), wrapped.get("id"), wrapped.get("_id"));
    }

    private static Optional<String> first(Object... values) {
      return Stream.of(values)
          .filter(v -> v instanceof Number || (v instanceof String s && !s.isBlank()))
          .map(Object::toString)
          .findFirst();
    }
  }

  /**
   * Writes a lead's body.
   *
   * @throws LeadValidationException when the data holds something JSON cannot carry
   */
  static byte[] body(String phone, Map<String, Object> data, String referenceId) {
    try {
      return BODY.writeValueAsBytes(new Body(phone, data, referenceId));
    } catch (JsonProcessingException e) {
      throw new LeadValidationException(
          "recipientData",
          "recipientData cannot be written as JSON; give it text, numbers, booleans, lists and"
              + " maps ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /**
   * The lead's id in the platform's answer, if it names one; an answer that is not a JSON object
   * names none.
   */
  static Optional<String> leadId(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      Answer answer = ANSWER.readValue(body);
      return answer == null ? Optional.empty() : answer.receiptId();
    } catch (IOException notAnObject) {
      return Optional.empty();
    }
  }
}
