package dev.switchboard.flowforge.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.flowforge.webhook.internal.FieldValuesReader;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code captured_form.created} (sent as {@code capturedform.created} too): a user submitted a form
 * through a Flowforge chatbot or phone agent. Serialized with the SDK's mapper it gives the
 * documented JSON back.
 *
 * @param id the event's id
 * @param event the event name as sent
 * @param object the envelope's object type
 * @param createdAt when the event was created, as sent
 * @param data the form and its values
 * @param createdAtInstant {@code createdAt} read as an instant
 * @param delivery the delivery's metadata (not part of the JSON)
 */
public record CapturedFormCreated(
    @JsonProperty("id") String id,
    @JsonProperty("event") String event,
    @JsonProperty("object") String object,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("data") Data data,
    @JsonIgnore Optional<Instant> createdAtInstant,
    @JsonIgnore WebhookDelivery delivery)
    implements FlowforgeEvent {

  /** Never a null {@code createdAtInstant}. */
  public CapturedFormCreated {
    createdAtInstant = createdAtInstant == null ? Optional.empty() : createdAtInstant;
  }

  /**
   * The captured form.
   *
   * @param formId the form's id
   * @param formName the form's name
   * @param widgetId the chat widget's id
   * @param assistantId the assistant's id
   * @param fieldValues the submitted values by field name; a value Flowforge sends as a number or a
   *     list is kept as its JSON text
   * @param conversationId the conversation's id
   * @param capturedFormId the id of this submission
   */
  public record Data(
      @JsonProperty("form_id") String formId,
      @JsonProperty("form_name") String formName,
      @JsonProperty("widget_id") String widgetId,
      @JsonProperty("assistant_id") String assistantId,
      @JsonProperty("field_values") @JsonDeserialize(using = FieldValuesReader.class)
          Map<String, String> fieldValues,
      @JsonProperty("conversation_id") String conversationId,
      @JsonProperty("captured_form_id") String capturedFormId) {

    /** Makes the field values read-only and never null. */
    public Data {
      fieldValues = fieldValues == null ? Map.of() : JsonFields.copy(fieldValues);
    }
  }
}
