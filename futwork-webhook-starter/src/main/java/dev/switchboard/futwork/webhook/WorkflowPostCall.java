package dev.switchboard.futwork.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.PhoneNumbers;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.futwork.webhook.internal.FutworkValues;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A Futwork Workflows (omni) post-call delivery: sent when a workflow's call ends. Raw values are
 * kept as sent; typed helpers sit beside them. Serialized with the SDK's mapper it gives the
 * documented JSON shape back (the delivery is left out).
 *
 * @param recipientPhone the recipient's phone number, as sent
 * @param recipientData the data sent with the lead at submission (null when absent)
 * @param referenceId the reference id given at submission: the key to fold the call's deliveries by
 *     (each stage, and each update, is published as a new event)
 * @param workflowId the workflow's id
 * @param disposition the call's disposition, possibly empty
 * @param recordingUrl the call recording's URL, possibly empty
 * @param conversationMinutes the call's length in minutes as sent, such as {@code "2.5"}
 * @param collectedData the data collected from the customer (null when absent)
 * @param isTerminal whether the workflow stage is terminal (null when absent)
 * @param stage the last workflow stage, such as {@code postback_core}
 * @param delivery the delivery's metadata (not part of the JSON)
 */
public record WorkflowPostCall(
    @JsonProperty("recipientPhone") String recipientPhone,
    @JsonProperty("recipientData") Map<String, Object> recipientData,
    @JsonProperty("referenceId") String referenceId,
    @JsonProperty("workflowId") String workflowId,
    @JsonProperty("disposition") String disposition,
    @JsonProperty("recordingUrl") String recordingUrl,
    @JsonProperty("conversationMinutes") String conversationMinutes,
    @JsonProperty("collectedData") Map<String, Object> collectedData,
    @JsonProperty("isTerminal") Boolean isTerminal,
    @JsonProperty("stage") String stage,
    @JsonIgnore WebhookDelivery delivery)
    implements FutworkEvent {

  /** Makes the maps read-only. */
  public WorkflowPostCall {
    recipientData = JsonFields.copy(recipientData);
    collectedData = JsonFields.copy(collectedData);
  }

  /**
   * Returns the call's length.
   *
   * @return {@code conversationMinutes} as a duration, or empty when absent or not a number
   */
  @JsonIgnore
  public Optional<Duration> conversationDuration() {
    return FutworkValues.minutes(conversationMinutes);
  }

  /**
   * Returns the disposition when there is one.
   *
   * @return the disposition, or empty when absent or empty
   */
  @JsonIgnore
  public Optional<String> dispositionIfPresent() {
    return JsonFields.present(disposition);
  }

  /**
   * Returns the recording's URL when there is one.
   *
   * @return the URL, or empty when absent or empty
   */
  @JsonIgnore
  public Optional<String> recordingUrlIfPresent() {
    return JsonFields.present(recordingUrl);
  }

  /**
   * Returns the recipient's number in the 10-digit form lead submission uses.
   *
   * @return ten digits, or empty when it is not an Indian number
   */
  @JsonIgnore
  public Optional<String> recipientPhoneTenDigits() {
    return PhoneNumbers.toTenDigits(recipientPhone);
  }

  /**
   * Returns the submitted lead data.
   *
   * @return the data, empty when absent
   */
  @JsonIgnore
  public Map<String, Object> recipientDataOrEmpty() {
    return FutworkValues.orEmpty(recipientData);
  }

  /**
   * Returns the data collected from the customer.
   *
   * @return the data, empty when absent
   */
  @JsonIgnore
  public Map<String, Object> collectedDataOrEmpty() {
    return FutworkValues.orEmpty(collectedData);
  }

  /**
   * Returns whether the stage is terminal.
   *
   * @return {@code isTerminal}, false when absent
   */
  @JsonIgnore
  public boolean terminal() {
    return Boolean.TRUE.equals(isTerminal);
  }

  /**
   * Returns a copy carrying a delivery.
   *
   * @param delivery the delivery
   * @return the copy
   */
  public WorkflowPostCall withDelivery(WebhookDelivery delivery) {
    return new WorkflowPostCall(
        recipientPhone,
        recipientData,
        referenceId,
        workflowId,
        disposition,
        recordingUrl,
        conversationMinutes,
        collectedData,
        isTerminal,
        stage,
        delivery);
  }
}
