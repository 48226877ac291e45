package dev.switchboard.futwork.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.switchboard.core.PhoneNumbers;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.futwork.webhook.internal.FutworkValues;
import dev.switchboard.futwork.webhook.internal.TranscriptReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A Futwork AI Platform (campaign) post-call delivery: sent when a campaign's call ends. Raw values
 * are kept as sent; typed helpers sit beside them. Serialized with the SDK's mapper it gives the
 * documented JSON shape back (the delivery is left out).
 *
 * @param callSid the call's unique id: the key to fold its deliveries by, since a later delivery
 *     for the same call (a status update) is published as a new event
 * @param leadId the lead's id
 * @param campaignId the campaign's id
 * @param agentId the agent's id
 * @param status the call status, such as {@code call-disconnected}
 * @param telephonyData telephony details (null when absent)
 * @param contextDetails the lead's context (null when absent)
 * @param transcript the full transcript (null when absent); a received one is decoded when first
 *     read, see {@link Transcript}
 * @param disposition the call's disposition, possibly empty
 * @param extractedData data extracted from the call; may be null
 * @param delivery the delivery's metadata (not part of the JSON)
 */
public record CampaignPostCall(
    @JsonProperty("callSid") String callSid,
    @JsonProperty("leadId") String leadId,
    @JsonProperty("campaignId") String campaignId,
    @JsonProperty("agentId") String agentId,
    @JsonProperty("status") String status,
    @JsonProperty("telephonyData") TelephonyData telephonyData,
    @JsonProperty("contextDetails") ContextDetails contextDetails,
    @JsonProperty("transcript") @JsonDeserialize(using = TranscriptReader.class)
        Transcript transcript,
    @JsonProperty("disposition") String disposition,
    @JsonProperty("extractedData") Map<String, Object> extractedData,
    @JsonIgnore WebhookDelivery delivery)
    implements FutworkEvent {

  /** Makes the map read-only. */
  public CampaignPostCall {
    extractedData = JsonFields.copy(extractedData);
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
   * Returns the extracted data.
   *
   * @return the data, empty when {@code null} or absent
   */
  @JsonIgnore
  public Map<String, Object> extractedDataOrEmpty() {
    return FutworkValues.orEmpty(extractedData);
  }

  /**
   * Returns the call's length from the telephony data.
   *
   * @return the duration, or empty when absent or not a number
   */
  @JsonIgnore
  public Optional<Duration> callDuration() {
    return telephonyData == null ? Optional.empty() : telephonyData.callDuration();
  }

  /**
   * Returns the recording's URL from the telephony data when there is one.
   *
   * @return the URL, or empty when absent or empty
   */
  @JsonIgnore
  public Optional<String> recordingUrlIfPresent() {
    return telephonyData == null ? Optional.empty() : telephonyData.recordingUrlIfPresent();
  }

  /**
   * Returns a copy carrying a delivery.
   *
   * @param delivery the delivery
   * @return the copy
   */
  public CampaignPostCall withDelivery(WebhookDelivery delivery) {
    return new CampaignPostCall(
        callSid,
        leadId,
        campaignId,
        agentId,
        status,
        telephonyData,
        contextDetails,
        transcript,
        disposition,
        extractedData,
        delivery);
  }

  /**
   * The call's telephony details.
   *
   * @param direction the call's direction, such as {@code outbound}
   * @param duration the call's length in seconds as sent, such as {@code "0.0"}
   * @param toNumber the number called, in E.164
   * @param fromNumber the calling number, in E.164
   * @param recordingUrl the recording's URL, possibly empty
   * @param hostedTelephony whether the telephony is hosted (null when absent)
   * @param providerCallId the provider's call id
   * @param provider the telephony provider, such as {@code exotel}
   * @param hangupBy who hung up (undocumented; null in the sample)
   * @param hangupReason why the call ended (undocumented; null in the sample)
   * @param hangupProviderCode the provider's hang-up code (undocumented; null in the sample)
   */
  public record TelephonyData(
      @JsonProperty("direction") String direction,
      @JsonProperty("duration") String duration,
      @JsonProperty("toNumber") String toNumber,
      @JsonProperty("fromNumber") String fromNumber,
      @JsonProperty("recordingUrl") String recordingUrl,
      @JsonProperty("hostedTelephony") Boolean hostedTelephony,
      @JsonProperty("providerCallId") String providerCallId,
      @JsonProperty("provider") String provider,
      @JsonProperty("hangupBy") String hangupBy,
      @JsonProperty("hangupReason") String hangupReason,
      @JsonProperty("hangupProviderCode") String hangupProviderCode) {

    /**
     * Returns the call's length.
     *
     * @return {@code duration} as a duration, or empty when absent or not a number
     */
    @JsonIgnore
    public Optional<Duration> callDuration() {
      return FutworkValues.seconds(duration);
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
     * Returns the number called in the 10-digit form lead submission uses.
     *
     * @return ten digits, or empty when it is not an Indian number
     */
    @JsonIgnore
    public Optional<String> toNumberTenDigits() {
      return PhoneNumbers.toTenDigits(toNumber);
    }

    /**
     * Returns the calling number in the 10-digit form.
     *
     * @return ten digits, or empty when it is not an Indian number
     */
    @JsonIgnore
    public Optional<String> fromNumberTenDigits() {
      return PhoneNumbers.toTenDigits(fromNumber);
    }
  }

  /**
   * The lead's context as the campaign knew it.
   *
   * @param recipientPhoneNumber the recipient's number, in E.164
   * @param recipientData the data sent with the lead at submission (null when absent)
   * @param leadId the lead's id
   * @param agentId the agent's id
   * @param campaignId the campaign's id
   */
  public record ContextDetails(
      @JsonProperty("recipientPhoneNumber") String recipientPhoneNumber,
      @JsonProperty("recipientData") Map<String, Object> recipientData,
      @JsonProperty("leadId") String leadId,
      @JsonProperty("agentId") String agentId,
      @JsonProperty("campaignId") String campaignId) {

    /** Makes the map read-only. */
    public ContextDetails {
      recipientData = JsonFields.copy(recipientData);
    }

    /**
     * Returns the recipient's number in the 10-digit form lead submission uses.
     *
     * @return ten digits, or empty when it is not an Indian number
     */
    @JsonIgnore
    public Optional<String> recipientPhoneNumberTenDigits() {
      return PhoneNumbers.toTenDigits(recipientPhoneNumber);
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
  }
}
